/**
 * What a fault does to a request it selects.
 *
 * - `rate-limit`: 429 `{"error":"Too Many Requests"}` with `Retry-After: <retryAfter>` (seconds, default 1).
 * - `server-error`: 500, 502 or 503 with `{"error": …}`; `retryAfter` adds a Retry-After header.
 * - `delay`: waits `ms` milliseconds, then answers normally (an aborted request stops waiting).
 * - `reset`: closes the connection without answering (in process: `fetch` rejects like Node's
 *   own fetch does on ECONNRESET).
 * - `truncate`: sends the normal headers, with the full Content-Length, then only `bytes` of the
 *   body (default: half; at most all but the last byte) and closes the connection.
 * - `invalid-json`: the normal status and headers, but the body is cut in half (its
 *   Content-Length matches what is sent, so only the JSON parse fails).
 * - `foreign-next`: a normal page whose `links.next` points at the same path and query on
 *   `origin` (e.g. a second server of the test) — for "credentials never leave the origin".
 * - `repeat-next`: a normal page whose `links.next` is the page's own URL — a pagination loop.
 *
 * `foreign-next` and `repeat-next` change only List Logs pages; elsewhere the answer is normal.
 *
 * @example
 * ```ts
 * const rateLimited: Fault = { type: "rate-limit", retryAfter: 2 };
 * const unavailable: Fault = { type: "server-error", status: 503 };
 * const leak: Fault = { type: "foreign-next", origin: "http://127.0.0.1:4999" };
 * ```
 */
export type Fault =
  | { type: "rate-limit"; retryAfter?: number }
  | { type: "server-error"; status: 500 | 502 | 503; retryAfter?: number }
  | { type: "delay"; ms: number }
  | { type: "reset" }
  | { type: "truncate"; bytes?: number }
  | { type: "invalid-json" }
  | { type: "foreign-next"; origin: string }
  | { type: "repeat-next" };

/**
 * A fault and the requests it applies to. Every selector given must hold; with none, the rule
 * selects every request on its path.
 *
 * - `path`: a URL pathname, e.g. `"/api/voice/logs"` (default: any path). A `{name}` segment
 *   stands for any one segment, as in the spec's paths: `"/api/voice/logs/{id}/events"` selects
 *   the events of every log, `"/api/voice/logs/{id}"` every single-log request; a pathname
 *   without one must match exactly (one log: `"/api/voice/logs/<its id>"`, as the client sends it).
 * - `nth`: 1-based ordinal(s) among the requests on `path` since the rule was added:
 *   `nth: [2, 3]` is the 2nd and 3rd.
 * - `first`: the first N requests on `path` since the rule was added.
 * - `probability`: 0..1; each request on `path` is drawn independently, from `seed` (default:
 *   the server's seed), the rule and the request's ordinal — the same run gives the same faults.
 *
 * Rules are tried in the order they were added; the first that selects a request applies its
 * fault (one fault per request). Every rule counts every request on its path, selected or not.
 *
 * @example
 * ```ts
 * import { createMockServer } from "@signalwire-voice/mock-server";
 *
 * const server = createMockServer({
 *   faults: [
 *     { nth: [2, 3], fault: { type: "server-error", status: 503 } }, // 2nd and 3rd request
 *     { first: 1, fault: { type: "rate-limit", retryAfter: 1 } }, // the 1st request
 *     { path: "/api/voice/logs", probability: 0.1, fault: { type: "reset" } }, // ~10 %, seeded
    { path: "/api/voice/logs/{id}/events", first: 1, fault: { type: "truncate" } }, // any log's events
 *   ],
 * });
 * ```
 */
export interface FaultRule {
  fault: Fault;
  path?: string;
  nth?: number | readonly number[];
  first?: number;
  probability?: number;
  seed?: string | number;
}
