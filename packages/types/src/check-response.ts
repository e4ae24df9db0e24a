import { VALIDATORS, type Validate } from "./generated/validators.js";

/**
 * What is wrong with an answer's body, by the spec: the first violation found.
 *
 * @example
 * ```ts
 * const violation: Violation = { pointer: "/data/0/created_at", expected: 'must match format "date-time"', keyword: "format", received: '"yesterday"', logId: "b7182dc2-00f3-40e4-a5ce-20f164b329df" };
 * ```
 */
export interface Violation {
  /** Where, as a JSON pointer into the body: `"/data/3/created_at"`. */
  pointer: string;
  /** What the spec expected there, in Ajv's words. */
  expected: string;
  /** The JSON Schema keyword that failed: `"format"`, `"required"`, `"type"`… */
  keyword: string;
  /** What was there, as JSON cut at 60 characters; `undefined` where something was missing. */
  received: string | undefined;
  /** The `id` (or `log_id`) of the nearest object around the value that has one. */
  logId: string | undefined;
}

type AjvError = NonNullable<Validate["errors"]>[number];

/**
 * Checks `body`, the JSON an operation answered with `status`, against the spec. Returns
 * `undefined` when it conforms, or when the spec describes no JSON body for that operation and
 * status (nothing to check it against); otherwise the first violation. For your own contract
 * tests, and what `validateResponses()` of `@signalwire-voice/client/validation` runs on each answer.
 *
 * @example
 * ```ts
 * const violation = checkResponse("GET /logs", 200, await response.json());
 * if (violation) console.error(violation.pointer, violation.expected);
 * ```
 */
export function checkResponse(operation: string, status: number, body: unknown): Violation | undefined {
  const validate = VALIDATORS[operation]?.[status];
  if (typeof validate !== "function" || validate(body)) return undefined;
  return violationOf(validate.errors ?? [], body);
}

/**
 * Whether the spec describes a JSON body for this operation and status.
 *
 * @example describesResponse("GET /logs", 200) // true; describesResponse("GET /logs", 503) // false
 */
export function describesResponse(operation: string, status: number): boolean {
  return typeof VALIDATORS[operation]?.[status] === "function";
}

/**
 * The operationId of an operation, if the spec has the operation.
 *
 * @example operationIdOf("GET /logs") // "list_voice_logs"
 */
export function operationIdOf(operation: string): string | undefined {
  return VALIDATORS[operation]?.operationId;
}

/**
 * The violation to report of Ajv's errors, a missing property's pointer ending at the property.
 * A value that fails a union (a log of none of the kinds) has an error from each member tried:
 * the deepest says most (the member that got furthest), and at the same depth a wrong value
 * (a bad `format`, a wrong `type`) says more than a value outside an enum (a `type` of another
 * kind of log), which says more than a missing property (each member checks its required
 * properties first, so every member of another kind reports one).
 */
function violationOf(errors: readonly AjvError[], body: unknown): Violation {
  let chosen: AjvError | undefined;
  for (const error of errors) {
    if (!chosen || weight(error) > weight(chosen)) chosen = error;
  }
  const { instancePath = "", keyword = "", params = {}, message = "is not allowed" } = chosen ?? {};
  const missing = keyword === "required" ? (params.missingProperty as string) : undefined;
  const pointer = missing === undefined ? instancePath : `${instancePath}/${escapeKey(missing)}`;
  const allowed = Array.isArray(params.allowedValues)
    ? `: ${params.allowedValues.map((value) => JSON.stringify(value)).join(", ")}`
    : "";
  const [value, logId] = lookup(body, pointer);
  return {
    pointer,
    expected: missing === undefined ? `${message}${allowed}` : "must be present (a required property)",
    keyword,
    received: value === undefined ? undefined : (JSON.stringify(value) ?? "").slice(0, 60),
    logId,
  };
}

/** Depth first, then how much the keyword says (in tenths): see violationOf. */
const weight = (error: AjvError) =>
  error.instancePath.split("/").length +
  (error.keyword === "required" ? 1 : 0) +
  (/Of$/.test(error.keyword)
    ? 0
    : error.keyword === "required"
      ? 0.1
      : /^(enum|const)$/.test(error.keyword)
        ? 0.2
        : 0.3);

const escapeKey = (key: string) => key.replaceAll("~", "~0").replaceAll("/", "~1");

/** The value at `pointer` in `body`, and the id of the nearest object on the way that has one. */
function lookup(body: unknown, pointer: string): [value: unknown, logId: string | undefined] {
  let value = body;
  let logId: string | undefined;
  for (const key of pointer.split("/").slice(1)) {
    if (typeof value !== "object" || value === null) return [undefined, logId];
    const { id, log_id } = value as { id?: unknown; log_id?: unknown };
    const found = typeof id === "string" ? id : typeof log_id === "string" ? log_id : undefined;
    if (found !== undefined) logId = found.slice(0, 64);
    value = (value as Record<string, unknown>)[key.replaceAll("~1", "/").replaceAll("~0", "~")];
  }
  const own = (value as { id?: unknown } | null | undefined)?.id;
  return [value, typeof own === "string" ? own.slice(0, 64) : logId];
}
