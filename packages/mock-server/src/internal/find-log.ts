import type { Dataset } from "./dataset.js";
import { errorReply, jsonReply, type Reply } from "./reply.js";
import { isUuid } from "./uuid.js";
import { validationError } from "./validation-error.js";

/**
 * The position of the log a path's `{id}` segment names, in O(1) (ids encode their position),
 * or the answer when there is none:
 *
 * - broken percent-encoding (`%ZZ`) → 400, as in a query: the server cannot tell what was sent;
 * - not a uuid once decoded (`abc`, `..%2F<uuid>`, a uuid with a suffix) → 422
 *   `invalid_parameter` on `id`: the spec's answer to "the request contains invalid parameters";
 * - a uuid no log has now (another seed's id, a position past the dataset, a log not inserted
 *   yet) → 404 `{"error":"Not Found"}`.
 *
 * A uuid in upper case, or with percent-encoded digits, names the same log: uuids compare
 * case-insensitively, and `%61` is `a` (RFC 3986 §6.2.2).
 *
 * @example
 * ```ts
 * const found = findLog(dataset, "B7182DC2-00F3-40E4-A5CE-20F164B329DF");
 * if ("position" in found) dataset.log(found.position);
 * ```
 */
export function findLog(dataset: Dataset, rawId: string): { position: number } | Reply {
  let id: string;
  try {
    id = decodeURIComponent(rawId);
  } catch {
    return errorReply(400, "Bad Request");
  }
  if (!isUuid(id)) {
    const message = `id must be a log id: a UUID like "b7182dc2-00f3-40e4-a5ce-20f164b329df"; got "${id}".`;
    return jsonReply(422, { errors: [validationError("invalid_parameter", "id", message)] });
  }
  const position = dataset.positionOf(id.toLowerCase());
  return position === undefined ? errorReply(404, "Not Found") : { position };
}
