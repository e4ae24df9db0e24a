import { InputError } from "@signalwire-voice/client";

/**
 * One request of a walk: the query to send, the cursor that names it, and the key that spots a
 * repeat. The first request of a walk that starts afresh has no cursor: "from the start, with
 * the caller's query" needs none, and `cursor: undefined` means just that.
 */
export interface PageRequest {
  query: Record<string, unknown>;
  cursor?: string | undefined;
  key?: string | undefined;
}

// page_number and page_size (not page_token) go as numbers: the client checks them as such.
const NUMBER = /^page_[ns]/;

/**
 * The request that `path` and a query string name. A `next` link and a cursor both come down to
 * this, so a cursor resumes exactly the request the link would have made.
 *
 * @example requestOf("/logs", "?page_size=2&page_token=PA1").query // { page_size: 2, page_token: "PA1" }
 */
export function requestOf(path: string, search: string): PageRequest {
  const params = new URLSearchParams(search);
  // Names come from a server's link or a stored string: on a prototype-less object, `toString`,
  // `constructor` or `__proto__` are parameters like any other, not Object.prototype's.
  const query: Record<string, unknown> = Object.create(null);
  for (const [name, text] of params) {
    const value = NUMBER.test(name) ? Number(text) : text;
    // A repeated parameter (a list filter) stays a list.
    query[name] = name in query ? [query[name], value].flat() : value;
  }
  const cursor = `${path}?${params}`;
  // A page token names a position: the same token twice is the same page, whatever page_number says.
  return { query, cursor, key: params.get("page_token") ?? cursor };
}

/**
 * The request a saved cursor names. A cursor resumes the path it came from: any other, or a
 * string that is no cursor, throws `InputError` before anything is sent.
 *
 * @example fromCursor("/logs?page_number=1&page_size=1000&page_token=PA…", "/logs").query.page_number // 1
 */
export function fromCursor(cursor: string, path: string): PageRequest {
  if (!`${cursor}`.startsWith(`${path}?`)) {
    throw new InputError(`paginate: cursor must come from ${path}, got "${cursor}".`, {
      field: "cursor",
    });
  }
  return requestOf(path, cursor.slice(path.length));
}
