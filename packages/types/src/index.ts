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

/** The raw generated maps, for openapi-fetch (`createClient<paths>()`) and advanced use. */
export type { $defs, components, operations, paths, webhooks } from "./generated/voice.js";

type Schemas = components["schemas"];
type ListVoiceLogs = operations["list-voice-logs"];

/** A log of a Compatibility (LaML) or Relay call: `laml_call`, `relay_pstn_call`, `relay_sip_call`, `relay_webrtc_call`. */
export type RelayVoiceLog = Schemas["RelayVoiceLog"];
/** A log of an audio leg in a Video Room: `video_room_pstn_leg`, `video_room_sip_leg`. */
export type VideoRoomVoiceLog = Schemas["VideoRoomVoiceLog"];
/** A log of a Dialogflow call: `dialogflow_call`. */
export type DialogflowVoiceLog = Schemas["DialogflowVoiceLog"];
/** A log of a Fabric subscriber device leg: `fabric_subscriber_device_leg`. */
export type FabricVoiceLog = Schemas["FabricVoiceLog"];
/** A deleted log (only with `include_deleted=true`): `id`, `created_at`, `discarded_at`, and no `type`. */
export type DiscardedVoiceLog = Schemas["DiscardedVoiceLog"];
/** Any entry of a voice log list. Narrow it with the guards of `@signalwire-voice/client`. */
export type VoiceLog = Schemas["VoiceLog"];

/** Every `type` a live (not discarded) voice log can have. */
export type VoiceLogType =
  | Schemas["RelayVoiceType"]
  | Schemas["VideoRoomVoiceType"]
  | Schemas["DialogflowVoiceLogType"]
  | Schemas["FabricVoiceLogType"];
/** The status of the voice activity (14 values). */
export type VoiceLogStatus = Schemas["VoiceLogStatus"];
/** `inbound`, `outbound`, `outbound-api` or `outbound-dial`. */
export type VoiceDirection = Schemas["VoiceDirection"];
/** `dialogflow`, `laml` or `realtime_api`. */
export type VoiceSource = Schemas["VoiceSources"];
/** One line of a log's `charge_details`. */
export type ChargeDetail = Schemas["ChargeDetail"];

/** The query of `GET /logs`: filters and pagination. */
export type ListVoiceLogsQuery = NonNullable<ListVoiceLogs["parameters"]["query"]>;
/** The 200 body of `GET /logs`: `{ links, data }`. */
export type ListVoiceLogsResponse = Schemas["LogListResponse"];
/** The `links` of a list page: `self`, `first`, and `next`/`prev` when there is such a page. */
export type PaginationLinks = Schemas["LogPaginationResponse"];

/** 400 body: `{ error: "Bad Request" }`. */
export type BadRequestBody = Schemas["Types.StatusCodes.StatusCode400"];
/** 401 body: `{ error: "Unauthorized" }`. */
export type UnauthorizedBody = Schemas["Types.StatusCodes.StatusCode401"];
/** 422 body: `{ errors: ValidationErrorItem[] }`. */
export type ValidationErrorBody = Schemas["VoiceLogsListStatusCode422"];
/** One entry of a 422 body's `errors`, e.g. `{ code: "invalid_parameter", attribute: "page_size", … }`. */
export type ValidationErrorItem = Schemas["Types.StatusCodes.RestApiErrorItem"];
/** 500 body: `{ error: "Internal Server Error" }`. */
export type InternalServerErrorBody = Schemas["Types.StatusCodes.StatusCode500"];
