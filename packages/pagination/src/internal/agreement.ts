import { InputError } from "@signalwire-voice/client";
import { paramsOf } from "./query-params.js";
import { shown } from "./shown.js";

// Set by the walk, not by filters: a cursor's page_number and page_token differ from a query's.
const PAGING = new Set(["page_number", "page_size", "page_token"]);

/**
 * Throws `InputError` unless `path` (filled in), `query` and `pageSize`, where given, say what the
 * cursor's own request says. A cursor carries the path, query and page size of its walk and is
 * what is sent, so options that say otherwise would be silently ignored: a walk of other logs
 * than asked for. A Date agrees with the ISO 8601 form the client sends for it, a list with the
 * same values in order.
 *
 * @example checkAgreement({ path: "/logs", query: { page_size: 7, include_deleted: "true" } }, { include_deleted: true }, 7) // agrees: no error
 */
export function checkAgreement(
  cursor: { path: string; query: Record<string, unknown> },
  query: Record<string, unknown> | undefined,
  pageSize: number | undefined,
  path?: string,
): void {
  if (path !== undefined) compare("path", "the path", [cursor.path], [path]);
  const theirs = byName(paramsOf(cursor.query));
  if (query !== undefined) {
    const ours = byName(paramsOf(query));
    for (const name of new Set([...theirs.keys(), ...ours.keys()])) {
      if (!PAGING.has(name)) compare("query", name, theirs.get(name), ours.get(name));
    }
  }
  if (pageSize !== undefined) compare("pageSize", "page_size", theirs.get("page_size"), [String(pageSize)]);
}

function byName(params: URLSearchParams): Map<string, string[]> {
  const values = new Map<string, string[]>();
  for (const [name, value] of params) {
    const list = values.get(name);
    if (list) list.push(value);
    else values.set(name, [value]);
  }
  return values;
}

function compare(option: string, name: string, theirs: string[] = [], ours: string[] = []): void {
  if (theirs.length === ours.length && theirs.every((value, index) => value === ours[index])) return;
  const list = (values: string[]) =>
    values.length ? shown(values.map((value) => JSON.stringify(value)).join(", ")) : "none";
  throw new InputError(
    `paginate: cursor and ${option} disagree on ${shown(name)}: the cursor has ${list(theirs)}, ${option} has ${list(ours)}. A cursor carries the path, query and page size of its walk: pass the same, or none.`,
    { field: option },
  );
}
