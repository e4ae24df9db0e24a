import type { ListVoiceLogsResponse } from "@signalwire-voice/types";
import type { Client, FetchOptions } from "openapi-fetch";
import openapiFetch from "openapi-fetch";
import type { ApiErrorBody } from "./errors/api-error.js";
import { querySerializer } from "./internal/input-checks.js";
import { resolveOptions, type VoiceClientOptions } from "./internal/options.js";
import { retryingFetch } from "./internal/retrying-fetch.js";
import { withRedactor } from "./redactor-of.js";
import type { VoicePaths } from "./voice-paths.js";

/**
 * The second argument of `GET("/logs")`: `params.query` (checked against the spec at compile
 * time, key by key, and again before sending) plus fetch options such as `signal` and `headers`.
 *
 * @example
 * ```ts
 * const init: VoiceLogsInit = { params: { query: { page_size: 100 } }, signal: AbortSignal.timeout(5_000) };
 * ```
 */
export type VoiceLogsInit = Omit<FetchOptions<VoicePaths["/logs"]["get"]>, "parseAs">;

/**
 * What `GET("/logs")` resolves to: openapi-fetch's `{ data, error, response }`, with `data` the
 * spec's `{ links, data: VoiceLog[] }` and `error` the 400, 401, 422 or 500 body.
 *
 * @example
 * ```ts
 * const { data, error, response }: VoiceLogsResult = await client.GET("/logs");
 * if (error && "errors" in error) console.error(error.errors); // the 422 list
 * ```
 */
export type VoiceLogsResult =
  | { data: ListVoiceLogsResponse; error?: never; response: Response }
  | { data?: never; error: ApiErrorBody<400 | 401 | 422 | 500>; response: Response };

/**
 * The client: openapi-fetch's, typed by the Voice API spec, with `use()`/`eject()` for your own
 * middleware. Declared here rather than re-exported, so our `.d.cts` never re-exports
 * openapi-fetch's (which mixes `export =` with named exports and breaks CommonJS consumers).
 * `GET` is typed by hand: openapi-fetch's own result type drops every property typed `null`
 * (such as `url` of Video Room logs), and its generic init lets unknown query keys through.
 *
 * @example
 * ```ts
 * const client: VoiceClient = createVoiceClient();
 * const { data, error } = await client.GET("/logs", { params: { query: { page_size: 10 } } });
 * ```
 */
export interface VoiceClient extends Omit<Client<VoicePaths>, "GET"> {
  /** `GET /logs` ("List Logs"): one page of voice logs, newest first. */
  GET(url: "/logs", init?: VoiceLogsInit): Promise<VoiceLogsResult>;
}

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
  const settings = resolveOptions(options);
  // In our CommonJS build the default import is openapi-fetch's CommonJS exports object (Node's
  // interop), whose `default` is the function; in the ESM build it is the function itself.
  const createClient = (openapiFetch as unknown as { default?: typeof openapiFetch }).default ?? openapiFetch;
  // openapi-fetch's client, with `GET` typed by VoiceClient.
  const client = createClient<VoicePaths>({
    baseUrl: settings.baseUrl,
    headers: { accept: "application/json", ...settings.headers },
    querySerializer: querySerializer(settings.redact),
    // Redirects are the client's to follow (within the origin): see followRedirects.
    redirect: "manual",
    // Auth, user agent, timeouts and retries wrap the fetch rather than being middleware: every
    // attempt (not just the first) passes through them, and no middleware means a faster path.
    fetch: retryingFetch(settings),
  });
  return withRedactor(client, settings.redact) as VoiceClient;
}
