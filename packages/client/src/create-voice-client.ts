import type { Client } from "openapi-fetch";
import createClient from "openapi-fetch";
import { serializeQuery } from "./internal/input-checks.js";
import { resolveOptions, type VoiceClientOptions } from "./internal/options.js";
import { retryingFetch } from "./internal/retrying-fetch.js";
import type { VoicePaths } from "./voice-paths.js";

declare const __VERSION__: string;

/**
 * The client: openapi-fetch's, typed by the Voice API spec. `GET("/logs", { params: { query } })`
 * resolves to `{ data, error, response }` with `error` typed per status (400, 401, 422, 500).
 *
 * Declared here rather than re-exported, so our `.d.cts` never re-exports openapi-fetch's
 * (which mixes `export =` with named exports and breaks CommonJS consumers).
 *
 * @example
 * ```ts
 * const client: VoiceClient = createVoiceClient();
 * const { data, error } = await client.GET("/logs");
 * ```
 */
export interface VoiceClient extends Client<VoicePaths> {}

/**
 * Creates a client for the SignalWire Voice API. It authenticates (Basic, on its own origin
 * only), checks queries before sending, times out each attempt, retries idempotent requests on
 * 408/429/5xx and network errors (honouring `Retry-After`), and numbers attempts in `X-Attempt`.
 * Options fall back to `SIGNALWIRE_SPACE`, `SIGNALWIRE_PROJECT_ID` and `SIGNALWIRE_API_TOKEN`;
 * anything missing or malformed throws `InputError` here, before any request.
 *
 * @example
 * ```ts
 * import { createVoiceClient, isDiscardedLog, unwrap } from "@signalwire-voice/client";
 *
 * const client = createVoiceClient({ space: "example", projectId, token });
 * const { data, error } = await client.GET("/logs", { params: { query: { page_size: 100 } } });
 * if (error) console.error(error); // typed: the 400, 401, 422 or 500 body
 * else for (const log of data.data) if (!isDiscardedLog(log)) console.log(log.type, log.status);
 *
 * const page = unwrap(await client.GET("/logs", { params: { query: { created_after: new Date("2026-01-01") } } }));
 * ```
 */
export function createVoiceClient(options?: VoiceClientOptions): VoiceClient {
  const resolved = resolveOptions(options);
  // `btoa` is on every runtime; options.ts has checked that both parts are printable ASCII.
  const credentials = btoa(`${resolved.projectId}:${resolved.token}`);
  return createClient<VoicePaths>({
    baseUrl: resolved.baseUrl,
    headers: { accept: "application/json", ...resolved.headers },
    querySerializer: serializeQuery,
    // Auth, user agent, timeouts and retries wrap the fetch rather than being middleware: every
    // attempt (not just the first) passes through them, and no middleware means a faster path.
    fetch: retryingFetch({
      ...resolved,
      authorization: `Basic ${credentials}`,
      userAgent: `signalwire-voice-client/${__VERSION__}${resolved.userAgent ? ` ${resolved.userAgent}` : ""}`,
      secrets: [resolved.token, credentials],
    }),
  });
}
