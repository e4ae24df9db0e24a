import type {
  DialogflowVoiceLog,
  DiscardedVoiceLog,
  FabricVoiceLog,
  RelayVoiceLog,
  VideoRoomVoiceLog,
  VoiceLog,
} from "@signalwire-voice/types";

/**
 * Whether `log`'s `type` is one `types` matches in full. A discarded log has no `type`, and a type
 * SignalWire adds later matches no family, so every family guard says false for both.
 */
const hasType = (log: VoiceLog, types: RegExp): boolean => types.test(`${(log as { type?: string }).type}`);

/**
 * Whether `log` is a deleted log (`include_deleted=true`): only `id`, `created_at` and
 * `discarded_at`, no `type`, so `switch (log.type)` alone cannot narrow it.
 *
 * @example
 * ```ts
 * for (const log of data.data) {
 *   if (isDiscardedLog(log)) console.log(`${log.id} deleted at ${log.discarded_at}`);
 *   else console.log(`${log.type}: ${log.from} → ${log.to}`);
 * }
 * ```
 */
export function isDiscardedLog(log: VoiceLog): log is DiscardedVoiceLog {
  return !("type" in log) && "discarded_at" in log;
}

/**
 * Whether `log` is a Compatibility (LaML) or Relay call: `laml_call`, `relay_pstn_call`,
 * `relay_sip_call` or `relay_webrtc_call`, with `url`, `billing_ms` and `parent_id`.
 *
 * @example
 * ```ts
 * const billedMs = logs.filter(isRelayLog).reduce((sum, log) => sum + (log.billing_ms ?? 0), 0);
 * ```
 */
export function isRelayLog(log: VoiceLog): log is RelayVoiceLog {
  return hasType(log, /^(laml_call|relay_(pstn|sip|webrtc)_call)$/);
}

/**
 * Whether `log` is an audio leg of a Video Room: `video_room_pstn_leg` or `video_room_sip_leg`.
 *
 * @example
 * ```ts
 * const legs = logs.filter(isVideoRoomLog).map((log) => `${log.from} (${log.duration_ms ?? 0} ms)`);
 * ```
 */
export function isVideoRoomLog(log: VoiceLog): log is VideoRoomVoiceLog {
  return hasType(log, /^video_room_(pstn|sip)_leg$/);
}

/**
 * Whether `log` is a Dialogflow call (`dialogflow_call`); these have no `direction`.
 *
 * @example
 * ```ts
 * const agentCalls = logs.filter(isDialogflowLog).length;
 * ```
 */
export function isDialogflowLog(log: VoiceLog): log is DialogflowVoiceLog {
  return hasType(log, /^dialogflow_call$/);
}

/**
 * Whether `log` is a Fabric subscriber device leg (`fabric_subscriber_device_leg`); its `status`
 * may be `null`.
 *
 * @example
 * ```ts
 * const devices = logs.filter(isFabricLog).map((log) => log.from);
 * ```
 */
export function isFabricLog(log: VoiceLog): log is FabricVoiceLog {
  return hasType(log, /^fabric_subscriber_device_leg$/);
}
