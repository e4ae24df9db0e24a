/**
 * The response types with every `format: date-time` field (`created_at`, `discarded_at`,
 * `event_at`) typed `Date`: what a client made with `withDates()` of `@signalwire-voice/client`
 * hands over. Generated from the same spec, with openapi-typescript's `Date` transform.
 *
 * @example
 * ```ts
 * import type { Dated } from "@signalwire-voice/types";
 *
 * const newest = (page: Dated.ListVoiceLogsResponse): Date | undefined => page.data[0]?.created_at;
 * ```
 * @module
 */
import type { components, operations } from "./generated/voice-dates.js";

type Schemas = components["schemas"];

/** The generated maps, every date-time a `Date`. */
export type { components, operations, paths } from "./generated/voice-dates.js";
/** A Compatibility or Relay call's log, `created_at` a `Date`. */
export type RelayVoiceLog = Schemas["RelayVoiceLog"];
/** A Video Room audio leg's log, `created_at` a `Date`. */
export type VideoRoomVoiceLog = Schemas["VideoRoomVoiceLog"];
/** A Dialogflow call's log, `created_at` a `Date`. */
export type DialogflowVoiceLog = Schemas["DialogflowVoiceLog"];
/** A Fabric subscriber device leg's log, `created_at` a `Date`. */
export type FabricVoiceLog = Schemas["FabricVoiceLog"];
/** A deleted log, `created_at` and `discarded_at` `Date`s. */
export type DiscardedVoiceLog = Schemas["DiscardedVoiceLog"];
/** Any entry of a voice log list, its dates `Date`s. */
export type VoiceLog = Schemas["VoiceLog"];
/** One event of a log, `event_at` a `Date`. */
export type LogEvent = Schemas["LogEvent"];
/** The 200 body of `GET /logs`: `{ links, data }`, the logs' dates `Date`s. */
export type ListVoiceLogsResponse = Schemas["LogListResponse"];
/** The 200 body of `GET /logs/{id}`: one log, its dates `Date`s. */
export type GetVoiceLogResponse =
  operations["get_voice_log"]["responses"][200]["content"]["application/json"];
/** The 200 body of `GET /logs/{id}/events`: `{ data: LogEvent[] }`, each `event_at` a `Date`. */
export type ListVoiceLogEventsResponse = Schemas["LogEventsListResponse"];
