/**
 * TypeScript types for the SignalWire Voice API, generated from its OpenAPI spec
 * (`spec/voice.yaml` + `spec/overlays/sdk.yaml`). Types only: importing this package adds
 * no JavaScript to a bundle.
 *
 * @example
 * ```ts
 * import type { VoiceLog, ListVoiceLogsQuery } from "@signalwire-voice/types";
 *
 * const query: ListVoiceLogsQuery = { page_size: 100, created_after: "2026-01-01" };
 * function describe(log: VoiceLog): string {
 *   return "discarded_at" in log ? `deleted ${log.id}` : `${log.type} ${log.from} → ${log.to}`;
 * }
 * ```
 * @module
 */
import type { components, operations } from "./generated/voice.js";

/**
 * The response types with every date-time field a `Date` (`Dated.VoiceLog`,
 * `Dated.ListVoiceLogsResponse`…), as a client made with `withDates()` hands them over.
 *
 * @example
 * ```ts
 * const created: Dated.VoiceLog["created_at"] = new Date("2026-01-15T09:30:00Z");
 * ```
 */
export type * as Dated from "./dated.js";
/** The raw generated maps, for openapi-fetch (`createClient<paths>()`) and advanced use. */
export type { $defs, components, operations, paths, webhooks } from "./generated/voice.js";

type Schemas = components["schemas"];
type ListVoiceLogs = operations["list_voice_logs"];
type GetVoiceLog = operations["get_voice_log"];

/**
 * A log of a Compatibility (LaML) or Relay call: `laml_call`, `relay_pstn_call`, `relay_sip_call`, `relay_webrtc_call`.
 *
 * @example
 * ```ts
 * if (log.type === "laml_call") console.log(log.url, log.parent_id);
 * ```
 */
export type RelayVoiceLog = Schemas["RelayVoiceLog"];
/**
 * A log of an audio leg in a Video Room: `video_room_pstn_leg`, `video_room_sip_leg`.
 *
 * @example
 * ```ts
 * const leg: VideoRoomVoiceLog["type"] = "video_room_sip_leg";
 * ```
 */
export type VideoRoomVoiceLog = Schemas["VideoRoomVoiceLog"];
/**
 * A log of a Dialogflow call: `dialogflow_call`.
 *
 * @example
 * ```ts
 * const seconds: DialogflowVoiceLog["duration"] = 42;
 * ```
 */
export type DialogflowVoiceLog = Schemas["DialogflowVoiceLog"];
/**
 * A log of a Fabric subscriber device leg: `fabric_subscriber_device_leg`.
 *
 * @example
 * ```ts
 * const status: FabricVoiceLog["status"] = null; // always null for this call type
 * ```
 */
export type FabricVoiceLog = Schemas["FabricVoiceLog"];
/**
 * A deleted log (only with `include_deleted=true`): `id`, `created_at`, `discarded_at`, and no `type`.
 *
 * @example
 * ```ts
 * const deleted: DiscardedVoiceLog = { id, created_at, discarded_at };
 * ```
 */
export type DiscardedVoiceLog = Schemas["DiscardedVoiceLog"];
/**
 * Any entry of a voice log list. Narrow it with the guards of `@signalwire-voice/client`.
 *
 * @example
 * ```ts
 * const logs: VoiceLog[] = page.data;
 * ```
 */
export type VoiceLog = Schemas["VoiceLog"];

/**
 * Every `type` a live (not discarded) voice log can have.
 *
 * @example
 * ```ts
 * const wanted: VoiceLogType[] = ["relay_pstn_call", "relay_sip_call"];
 * ```
 */
export type VoiceLogType = Exclude<VoiceLog, DiscardedVoiceLog>["type"];
/**
 * The status of the voice activity (14 values).
 *
 * @example
 * ```ts
 * const done: VoiceLogStatus[] = ["completed", "ended"];
 * ```
 */
export type VoiceLogStatus = Schemas["VoiceLogStatus"];
/**
 * `inbound`, `outbound`, `outbound-api` or `outbound-dial`.
 *
 * @example
 * ```ts
 * const direction: VoiceDirection = "outbound-api";
 * ```
 */
export type VoiceDirection = Schemas["VoiceDirection"];
/**
 * `dialogflow`, `laml` or `realtime_api`.
 *
 * @example
 * ```ts
 * const source: VoiceSource = "realtime_api";
 * ```
 */
export type VoiceSource = Schemas["VoiceSources"];
/**
 * One line of a log's `charge_details`.
 *
 * @example
 * ```ts
 * const total = (details: ChargeDetail[]) => details.reduce((sum, d) => sum + d.charge, 0);
 * ```
 */
export type ChargeDetail = Schemas["ChargeDetail"];

/**
 * The query of `GET /logs`: filters and pagination.
 *
 * @example
 * ```ts
 * const query: ListVoiceLogsQuery = { created_on: "2026-01-15", page_size: 1000 };
 * ```
 */
export type ListVoiceLogsQuery = NonNullable<ListVoiceLogs["parameters"]["query"]>;
/**
 * The 200 body of `GET /logs`: `{ links, data }`.
 *
 * @example
 * ```ts
 * const next = (page: ListVoiceLogsResponse) => page.links.next; // undefined on the last page
 * ```
 */
export type ListVoiceLogsResponse = Schemas["LogListResponse"];
/**
 * The `links` of a list page: `self`, `first`, and `next`/`prev` when there is such a page.
 *
 * @example
 * ```ts
 * const isLast = (links: PaginationLinks) => links.next === undefined;
 * ```
 */
export type PaginationLinks = Schemas["LogPaginationResponse"];

/**
 * The path parameters of `GET /logs/{id}` and `GET /logs/{id}/events`: the log's `id` (a UUID).
 *
 * @example
 * ```ts
 * const path: VoiceLogPathParams = { id: "b7182dc2-00f3-40e4-a5ce-20f164b329df" };
 * ```
 */
export type VoiceLogPathParams = GetVoiceLog["parameters"]["path"];
/**
 * The 200 body of `GET /logs/{id}`: one log, any variant (a deleted log comes back as a
 * {@link DiscardedVoiceLog}).
 *
 * @example
 * ```ts
 * const created = (log: GetVoiceLogResponse) => log.created_at;
 * ```
 */
export type GetVoiceLogResponse = GetVoiceLog["responses"][200]["content"]["application/json"];
/**
 * One event of a log's lifetime (`GET /logs/{id}/events`): when, how severe, what, and details
 * whose structure varies by event `name`.
 *
 * @example
 * ```ts
 * const line = (event: LogEvent) => `${event.event_at} ${event.level} ${event.name}`;
 * ```
 */
export type LogEvent = Schemas["LogEvent"];
/**
 * The level of a {@link LogEvent}: `info`, `warn`, `error` or `debug`.
 *
 * @example
 * ```ts
 * const loud: LogEventLevel[] = ["warn", "error"];
 * ```
 */
export type LogEventLevel = LogEvent["level"];
/**
 * The 200 body of `GET /logs/{id}/events`: `{ data }`, every event of the log (not paginated).
 *
 * @example
 * ```ts
 * const names = (body: ListVoiceLogEventsResponse) => body.data.map((event) => event.name);
 * ```
 */
export type ListVoiceLogEventsResponse = Schemas["LogEventsListResponse"];

/**
 * 400 body: `{ error: "Bad Request" }`.
 *
 * @example
 * ```ts
 * const body: BadRequestBody = { error: "Bad Request" };
 * ```
 */
export type BadRequestBody = Schemas["Types.StatusCodes.StatusCode400"];
/**
 * 401 body: `{ error: "Unauthorized" }`.
 *
 * @example
 * ```ts
 * const body: UnauthorizedBody = { error: "Unauthorized" };
 * ```
 */
export type UnauthorizedBody = Schemas["Types.StatusCodes.StatusCode401"];
/**
 * 404 body of `GET /logs/{id}` and its events: `{ error: "Not Found" }`.
 *
 * @example
 * ```ts
 * const body: NotFoundBody = { error: "Not Found" };
 * ```
 */
export type NotFoundBody = Schemas["Types.StatusCodes.StatusCode404"];
/**
 * 422 body: `{ errors: ValidationErrorItem[] }`.
 *
 * @example
 * ```ts
 * const codes = (body: ValidationErrorBody) => body.errors.map((e) => e.code);
 * ```
 */
export type ValidationErrorBody = Schemas["VoiceLogsListStatusCode422"];
/**
 * One entry of a 422 body's `errors`, e.g. `{ code: "invalid_parameter", attribute: "page_size", … }`.
 *
 * @example
 * ```ts
 * const item: ValidationErrorItem = { type: "validation_error", code: "invalid_parameter", message: "page_size must be 1..1000", attribute: "page_size", url: "https://developer.signalwire.com" };
 * ```
 */
export type ValidationErrorItem = Schemas["Types.StatusCodes.RestApiErrorItem"];
/**
 * 500 body: `{ error: "Internal Server Error" }`.
 *
 * @example
 * ```ts
 * const body: InternalServerErrorBody = { error: "Internal Server Error" };
 * ```
 */
export type InternalServerErrorBody = Schemas["Types.StatusCodes.StatusCode500"];
