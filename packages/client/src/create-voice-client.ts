import type {
  Dated,
  GetVoiceLogResponse,
  ListVoiceLogEventsResponse,
  ListVoiceLogsResponse,
} from "@signalwire-voice/types";
import type { Client, FetchOptions } from "openapi-fetch";
import openapiFetch from "openapi-fetch";
import type { ApiErrorBody } from "./errors/api-error.js";
import { querySerializer } from "./internal/input-checks.js";
import { resolveOptions, type VoiceClientOptions } from "./internal/options.js";
import { pathSerializer } from "./internal/path-checks.js";
import { retryingFetch } from "./internal/retrying-fetch.js";
import { withRedactor } from "./redactor-of.js";
import type { DatedVoicePaths, VoicePaths } from "./voice-paths.js";

/**
 * How a client hands over the spec's `format: date-time` fields (`created_at`, `discarded_at`,
 * `event_at`): `"string"`, as the server wrote them (what `createVoiceClient()` does), or
 * `"date"`, as `Date` objects (what a client wrapped by `withDates()` does).
 *
 * @example
 * ```ts
 * const dates: DateMode = "date";
 * ```
 */
export type DateMode = "string" | "date";

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
export type VoiceLogsResult<D extends DateMode = "string"> =
  | {
      data: D extends "date" ? Dated.ListVoiceLogsResponse : ListVoiceLogsResponse;
      error?: never;
      response: Response;
    }
  | { data?: never; error: ApiErrorBody<400 | 401 | 422 | 500>; response: Response };

/**
 * The second argument of `GET("/logs/{id}")` and `GET("/logs/{id}/events")`: `params.path.id`
 * (required; a UUID, checked before sending) plus fetch options such as `signal`.
 *
 * @example
 * ```ts
 * const init: VoiceLogInit = { params: { path: { id: "b7182dc2-00f3-40e4-a5ce-20f164b329df" } } };
 * ```
 */
export type VoiceLogInit = Omit<FetchOptions<VoicePaths["/logs/{id}"]["get"]>, "parseAs">;

/**
 * What `GET("/logs/{id}")` resolves to: `data` is the log (any variant; a deleted log is a
 * `DiscardedVoiceLog`), `error` the 400, 401, 404 (no such log), 422 or 500 body.
 *
 * @example
 * ```ts
 * const { data, error }: VoiceLogResult = await client.GET("/logs/{id}", { params: { path: { id } } });
 * if (error && "error" in error && error.error === "Not Found") console.log("no such log");
 * ```
 */
export type VoiceLogResult<D extends DateMode = "string"> =
  | {
      data: D extends "date" ? Dated.GetVoiceLogResponse : GetVoiceLogResponse;
      error?: never;
      response: Response;
    }
  | { data?: never; error: ApiErrorBody<400 | 401 | 404 | 422 | 500>; response: Response };

/**
 * What `GET("/logs/{id}/events")` resolves to: `data` is `{ data: LogEvent[] }`, every event of
 * the log (the list is not paginated), `error` the 400, 401, 404, 422 or 500 body.
 *
 * @example
 * ```ts
 * const { data } = await client.GET("/logs/{id}/events", { params: { path: { id } } });
 * for (const event of data?.data ?? []) console.log(event.event_at, event.name);
 * ```
 */
export type VoiceLogEventsResult<D extends DateMode = "string"> =
  | {
      data: D extends "date" ? Dated.ListVoiceLogEventsResponse : ListVoiceLogEventsResponse;
      error?: never;
      response: Response;
    }
  | { data?: never; error: ApiErrorBody<400 | 401 | 404 | 422 | 500>; response: Response };

/**
 * The client: openapi-fetch's, typed by the Voice API spec, with `use()`/`eject()` for your own
 * middleware. Declared here rather than re-exported, so our `.d.cts` never re-exports
 * openapi-fetch's (which mixes `export =` with named exports and breaks CommonJS consumers).
 * `GET` and `request` are typed by hand: openapi-fetch's own result type drops every property
 * typed `null` (such as `url` of Video Room logs) and turns a `Date` into a bag of methods, and
 * its generic init lets unknown query keys through.
 * `D` says how dates come: `VoiceClient<"date">` is what `withDates()` of
 * `@signalwire-voice/client/dates` returns.
 *
 * @example
 * ```ts
 * const client: VoiceClient = createVoiceClient();
 * const { data, error } = await client.GET("/logs", { params: { query: { page_size: 10 } } });
 * ```
 */
export interface VoiceClient<D extends DateMode = "string">
  extends Omit<Client<D extends "date" ? DatedVoicePaths : VoicePaths>, "GET" | "request"> {
  /** `GET /logs` ("List Logs"): one page of voice logs, newest first. */
  GET(url: "/logs", init?: VoiceLogsInit): Promise<VoiceLogsResult<D>>;
  /** `GET /logs/{id}` ("Find a Log by ID"): one log; 404 when there is no such log. */
  GET(url: "/logs/{id}", init: VoiceLogInit): Promise<VoiceLogResult<D>>;
  /** `GET /logs/{id}/events` ("List Log Events"): every event of one log. */
  GET(url: "/logs/{id}/events", init: VoiceLogInit): Promise<VoiceLogEventsResult<D>>;
  /** `GET /logs`, with the method as an argument: the same as `GET("/logs", init)`. */
  request(method: "get", url: "/logs", init?: VoiceLogsInit): Promise<VoiceLogsResult<D>>;
  /** `GET /logs/{id}`, with the method as an argument. */
  request(method: "get", url: "/logs/{id}", init: VoiceLogInit): Promise<VoiceLogResult<D>>;
  /** `GET /logs/{id}/events`, with the method as an argument. */
  request(method: "get", url: "/logs/{id}/events", init: VoiceLogInit): Promise<VoiceLogEventsResult<D>>;
}

/**
 * Creates a client for the SignalWire Voice API. It authenticates (Basic, on its own origin
 * only), checks queries and log ids before sending, times out each attempt, retries idempotent requests on
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
    pathSerializer: pathSerializer(settings.baseUrl, settings.redact),
    // Redirects are the client's to follow (within the origin): see followRedirects.
    redirect: "manual",
    // Auth, user agent, timeouts and retries wrap the fetch rather than being middleware: every
    // attempt (not just the first) passes through them, and no middleware means a faster path.
    fetch: retryingFetch(settings),
  });
  // openapi-fetch runs the path serializer only when `params.path` is given, and would send a
  // call without it to the literal `/logs/%7Bid%7D`: with an empty one, a missing id is an
  // InputError like a malformed one. `GET` and `request` are the spec's ways to these paths.
  type Init = { params?: { path?: object } } | undefined;
  const withPath = (url: string, init: Init) =>
    (url.includes("{")
      ? { ...init, params: { ...init?.params, path: init?.params?.path ?? {} } }
      : init) as never;
  const { GET, request } = client;
  client.GET = ((url: string, init: Init) => GET(url as "/logs", withPath(url, init))) as typeof GET;
  client.request = ((method: "get", url: string, init: Init) =>
    request(method, url as "/logs", withPath(url, init))) as typeof request;
  return withRedactor(client, settings.redact) as VoiceClient;
}
