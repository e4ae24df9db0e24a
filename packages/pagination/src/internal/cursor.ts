import { InputError } from "@signalwire-voice/client";
import { paramsOf } from "./query-params.js";
import { keyOf } from "./request-key.js";
import { shown } from "./shown.js";

/**
 * The longest next link, and the longest request a cursor names, that a walk takes: real ones
 * are about 100 characters; past it, a hostile peer or a corrupted store, refused unread. A
 * cursor made from a link is shorter than the link, so every cursor a walk gives is taken back.
 */
export const MAX_LENGTH = 16 * 1024;

/** How the cursor of a walk's last page ends, and that of a page whose link loops. */
const ENDED = { end: "#end", loop: "#loop" } as const;
type Ended = keyof typeof ENDED;

/**
 * One request of a walk: the query to send, the cursor that names it, the key that spots a
 * repeat. The first request of a walk that starts afresh has no cursor: "from the start, with
 * the caller's query" needs none, and `cursor: undefined` means just that.
 */
export interface PageRequest {
  query: Record<string, unknown>;
  /** The request as a cursor spells it: `path?query`. */
  at: string;
  /** What an error on this request carries to resume from. */
  cursor: string | undefined;
  key: string;
  /** Set when a cursor says its walk is over: past its last page, or stopped at a loop. */
  ended?: Ended | undefined;
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
    const had = query[name];
    // A repeated parameter (a list filter) stays a list, pushed onto rather than copied: a
    // request costs time linear in its length, however many repeats it has.
    if (had === undefined) query[name] = value;
    else if (Array.isArray(had)) had.push(value);
    else query[name] = [had, value];
  }
  // The query as written (by a URL parser: percent-encoded, never decoded): no longer than the
  // link it came from, and a saved cursor comes back unchanged.
  const at = `${path}?${search.replace(/^\?/, "")}`;
  return { query, at, cursor: at, key: keyOf(params) };
}

/**
 * The first request of a walk that starts afresh, with the caller's query: no cursor (an error
 * on it resumes by starting again), and the key of what the client sends for it.
 *
 * @example freshRequest("/logs", { page_size: 10 }).at // "/logs?page_size=10"
 */
export function freshRequest(path: string, query: Record<string, unknown>): PageRequest {
  const params = paramsOf(query);
  return { query, at: `${path}?${params}`, cursor: undefined, key: keyOf(params) };
}

/** How a cursor says its walk is over, if it does. */
export function endedBy(cursor: string): Ended | undefined {
  if (cursor.endsWith(ENDED.end)) return "end";
  if (cursor.endsWith(ENDED.loop)) return "loop";
  return undefined;
}

/**
 * The cursor of a page after which the walk is over: its last (`"end"`), or one whose link leads
 * back into the walk (`"loop"`, the looping request). Resuming from it sends nothing.
 *
 * @example endedCursor(requestOf("/logs", "?page_size=2"), "end") // "/logs?page_size=2#end"
 */
export function endedCursor(request: PageRequest, ended: Ended): string {
  return `${request.at}${ENDED[ended]}`;
}

/**
 * The request a saved cursor names. A cursor resumes the path it came from: any other, a string
 * that is no cursor, or one longer than any cursor a walk gives throws `InputError` before
 * anything is sent.
 *
 * @example fromCursor("/logs?page_number=1&page_size=1000&page_token=PA…", "/logs").query.page_number // 1
 */
export function fromCursor(cursor: string, path: string): PageRequest {
  const text = `${cursor}`;
  const ended = endedBy(text);
  const end = text.length - (ended ? ENDED[ended].length : 0);
  if (end > MAX_LENGTH) {
    throw new InputError(
      `paginate: cursor is ${text.length} characters long, more than ${MAX_LENGTH}: not a cursor paginate gave. Got "${shown(text)}".`,
      { field: "cursor" },
    );
  }
  if (!text.startsWith(`${path}?`)) {
    throw new InputError(`paginate: cursor must come from ${path}, got "${shown(text)}".`, {
      field: "cursor",
    });
  }
  const request = requestOf(path, text.slice(path.length, end));
  // Over already: errors carry the cursor as given, which stays over.
  return ended ? { ...request, cursor: text, ended } : request;
}
