import { InputError } from "@signalwire-voice/client";
import { readPath } from "./path-params.js";
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
 * One request of a walk: the path and query to send, the cursor that names it, the key that
 * spots a repeat. The first request of a walk that starts afresh has no cursor: "from the start,
 * with the caller's query" needs none, and `cursor: undefined` means just that.
 */
export interface PageRequest {
  /** The path with its parameters filled in, as sent: every request of a walk has the same. */
  path: string;
  /** The first request's path parameters, for the client to fill the path in with. */
  params?: Record<string, unknown> | undefined;
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
  return { path, query, at, cursor: at, key: keyOf(params) };
}

/**
 * The first request of a walk that starts afresh, with the caller's path parameters (`path`
 * filled in from them) and query: no cursor (an error on it resumes by starting again), and the
 * key of what the client sends for it.
 *
 * @example freshRequest("/logs", { page_size: 10 }).at // "/logs?page_size=10"
 */
export function freshRequest(
  path: string,
  query: Record<string, unknown>,
  params?: Record<string, unknown>,
): PageRequest {
  const search = paramsOf(query);
  return { path, params, query, at: `${path}?${search}`, cursor: undefined, key: keyOf(search) };
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
 * The request a saved cursor names, path parameters included (read against the path template).
 * A cursor resumes the path it came from: any other, a string that is no cursor, one longer than
 * any cursor a walk gives, or a path parameter that `fillPath` refuses (the client's credentials
 * among them) throws `InputError` before anything is sent.
 *
 * @example fromCursor("/things/a%2Fb/parts?page_token=PA…", "/things/{id}/parts").params // { id: "a/b" }
 */
export function fromCursor(
  cursor: string,
  template: string,
  redact: (text: string) => string = (text) => text,
): PageRequest {
  const text = `${cursor}`;
  const ended = endedBy(text);
  const end = text.length - (ended ? ENDED[ended].length : 0);
  if (end > MAX_LENGTH) {
    throw new InputError(
      `paginate: cursor is ${text.length} characters long, more than ${MAX_LENGTH}: not a cursor paginate gave. Got "${shown(text)}".`,
      { field: "cursor" },
    );
  }
  const read = readPath(template, text, redact);
  if (!read) {
    throw new InputError(`paginate: cursor must come from ${template}, got "${shown(text)}".`, {
      field: "cursor",
    });
  }
  const [path, params] = read;
  const request = { ...requestOf(path, text.slice(path.length, end)), params };
  // Over already: errors carry the cursor as given, which stays over.
  return ended ? { ...request, cursor: text, ended } : request;
}
