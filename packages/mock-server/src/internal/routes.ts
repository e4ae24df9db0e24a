/** Where the Voice API lives on the server (`/api/voice`): a client's base URL, on the origin. */
export const BASE_PATH = "/api/voice";
/** List Logs (`list_voice_logs`); the other two operations live below it. */
export const LOGS_PATH = `${BASE_PATH}/logs`;

/**
 * The operation a pathname names, with the `{id}` segment as sent (still percent-encoded), or
 * undefined (→ 404). Only these three exact shapes match: a trailing slash, an empty segment or
 * anything past `/events` is another path, as on SignalWire.
 */
export type Route =
  | { operation: "list_voice_logs" }
  | { operation: "get_voice_log"; rawId: string }
  | { operation: "list_voice_log_events"; rawId: string };

const BY_ID = /^\/api\/voice\/logs\/([^/]+)(\/events)?$/;

/**
 * @example
 * ```ts
 * matchRoute("/api/voice/logs"); // { operation: "list_voice_logs" }
 * matchRoute("/api/voice/logs/b7182dc2-00f3-40e4-a5ce-20f164b329df/events"); // list_voice_log_events
 * matchRoute("/api/voice/logs/"); // undefined
 * ```
 */
export function matchRoute(pathname: string): Route | undefined {
  if (pathname === LOGS_PATH) return { operation: "list_voice_logs" };
  const match = BY_ID.exec(pathname);
  if (!match?.[1]) return undefined;
  return match[2]
    ? { operation: "list_voice_log_events", rawId: match[1] }
    : { operation: "get_voice_log", rawId: match[1] };
}
