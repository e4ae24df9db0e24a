/**
 * `@signalwire-voice/client`: a thin, production-grade fetch client for the SignalWire Voice API.
 * openapi-fetch typed by `@signalwire-voice/types`, plus auth, input checks, timeouts, retries,
 * errors without secrets, and guards for the `VoiceLog` union.
 *
 * Everything public is listed here by name. Held back: the retry loop, the retry and backoff
 * decisions and the query checks (`src/internal/`), which may change in any release.
 *
 * @example
 * ```ts
 * import { createVoiceClient, unwrap } from "@signalwire-voice/client";
 *
 * const client = createVoiceClient(); // SIGNALWIRE_SPACE, SIGNALWIRE_PROJECT_ID, SIGNALWIRE_API_TOKEN
 * const page = unwrap(await client.GET("/logs", { params: { query: { page_size: 50 } } }));
 * const { id } = page.data[0]!;
 * const log = unwrap(await client.GET("/logs/{id}", { params: { path: { id } } }));
 * const { data: events } = unwrap(await client.GET("/logs/{id}/events", { params: { path: { id } } }));
 * ```
 * @module
 */

export type {
  BadRequestBody,
  Dated,
  DialogflowVoiceLog,
  DiscardedVoiceLog,
  FabricVoiceLog,
  GetVoiceLogResponse,
  InternalServerErrorBody,
  ListVoiceLogEventsResponse,
  ListVoiceLogsQuery,
  ListVoiceLogsResponse,
  LogEvent,
  NotFoundBody,
  RelayVoiceLog,
  UnauthorizedBody,
  ValidationErrorBody,
  VideoRoomVoiceLog,
  VoiceLog,
} from "@signalwire-voice/types";
export {
  createVoiceClient,
  type DateMode,
  type VoiceClient,
  type VoiceLogEventsResult,
  type VoiceLogInit,
  type VoiceLogResult,
  type VoiceLogsInit,
  type VoiceLogsResult,
} from "./create-voice-client.js";
export { AbortError } from "./errors/abort-error.js";
export { ApiError, type ApiErrorBodies, type ApiErrorBody } from "./errors/api-error.js";
export { createApiError } from "./errors/create-api-error.js";
export { InputError } from "./errors/input-error.js";
export { NetworkError } from "./errors/network-error.js";
export { RedirectError } from "./errors/redirect-error.js";
export { ResponseTooLargeError } from "./errors/response-too-large-error.js";
export { TimeoutError } from "./errors/timeout-error.js";
export { UnexpectedResponseError } from "./errors/unexpected-response-error.js";
export { VoiceError } from "./errors/voice-error.js";
export { isDialogflowLog, isDiscardedLog, isFabricLog, isRelayLog, isVideoRoomLog } from "./guards.js";
export type { FetchFunction } from "./internal/fetch-function.js";
export type { VoiceClientOptions } from "./internal/options.js";
export { parseRetryAfter } from "./internal/retry-after.js";
export { ATTEMPT_HEADER, type RetryEvent } from "./internal/retrying-fetch.js";
export { redactorOf } from "./redactor-of.js";
export { type FetchResult, unwrap } from "./unwrap.js";
export type { DatedVoicePaths, VoiceLogsQuery, VoicePaths } from "./voice-paths.js";
