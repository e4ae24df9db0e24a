import type {
  Dated,
  DialogflowVoiceLog,
  FabricVoiceLog,
  RelayVoiceLog,
  VideoRoomVoiceLog,
  VoiceLog,
} from "@signalwire-voice/types";

/**
 * Whether `log`'s `type` is one `types` matches in full. A discarded log has no `type`, and a type
 * SignalWire adds later matches no family, so every family guard says false for both.
 */
const hasType = (log: VoiceLog | Dated.VoiceLog, types: RegExp): boolean =>
  types.test(`${(log as { type?: string }).type}`);

/**
 * Whether `log` is a deleted log (`include_deleted=true`): only `id`, `created_at` and
 * `discarded_at`, no `type`, so `switch (log.type)` alone cannot narrow it. A `Dated.VoiceLog` (from
 * `withDates()`) narrows to `Dated.DiscardedVoiceLog`, its dates still `Date`s.
 *
 * @example
 * ```ts
 * for (const log of data.data) {
 *   if (isDiscardedLog(log)) console.log(`${log.id} deleted at ${log.discarded_at}`);
 *   else console.log(`${log.type}: ${log.from} → ${log.to}`);
 * }
 * ```
 */
export function isDiscardedLog<L extends VoiceLog | Dated.VoiceLog>(
  log: L,
): log is Extract<L, { discarded_at: unknown }> {
  return !("type" in log) && "discarded_at" in log;
}

/**
 * Whether `log` is a Compatibility (LaML) or Relay call: `laml_call`, `relay_pstn_call`,
 * `relay_sip_call` or `relay_webrtc_call`, with `url`, `billing_ms` and `parent_id`. Dated logs
 * narrow too, to `Dated.RelayVoiceLog`.
 *
 * @example
 * ```ts
 * const billedMs = logs.filter(isRelayLog).reduce((sum, log) => sum + (log.billing_ms ?? 0), 0);
 * ```
 */
export function isRelayLog<L extends VoiceLog | Dated.VoiceLog>(
  log: L,
): log is Extract<L, { type: RelayVoiceLog["type"] }> {
  return hasType(log, /^(laml_call|relay_(pstn|sip|webrtc)_call)$/);
}

/**
 * Whether `log` is an audio leg of a Video Room: `video_room_pstn_leg` or `video_room_sip_leg`.
 * Dated logs narrow too, to `Dated.VideoRoomVoiceLog`.
 *
 * @example
 * ```ts
 * const legs = logs.filter(isVideoRoomLog).map((log) => `${log.from} (${log.duration_ms ?? 0} ms)`);
 * ```
 */
export function isVideoRoomLog<L extends VoiceLog | Dated.VoiceLog>(
  log: L,
): log is Extract<L, { type: VideoRoomVoiceLog["type"] }> {
  return hasType(log, /^video_room_(pstn|sip)_leg$/);
}

/**
 * Whether `log` is a Dialogflow call (`dialogflow_call`); these have no `direction`. Dated logs narrow
 * too, to `Dated.DialogflowVoiceLog`.
 *
 * @example
 * ```ts
 * const agentCalls = logs.filter(isDialogflowLog).length;
 * ```
 */
export function isDialogflowLog<L extends VoiceLog | Dated.VoiceLog>(
  log: L,
): log is Extract<L, { type: DialogflowVoiceLog["type"] }> {
  return hasType(log, /^dialogflow_call$/);
}

/**
 * Whether `log` is a Fabric subscriber device leg (`fabric_subscriber_device_leg`); its `status`
 * may be `null`. Dated logs narrow too, to `Dated.FabricVoiceLog`.
 *
 * @example
 * ```ts
 * const devices = logs.filter(isFabricLog).map((log) => log.from);
 * ```
 */
export function isFabricLog<L extends VoiceLog | Dated.VoiceLog>(
  log: L,
): log is Extract<L, { type: FabricVoiceLog["type"] }> {
  return hasType(log, /^fabric_subscriber_device_leg$/);
}
