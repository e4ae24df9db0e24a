import type { VoiceDirection, VoiceLogStatus, VoiceLogType } from "@signalwire-voice/types";
import { unit } from "./hash.js";

/**
 * The mix of a generated account: how often each variant, status and direction occurs, and the
 * per-minute rates its charges use. Weights are relative; every value listed does occur.
 */

export type Table<T> = readonly (readonly [T, number])[];

const TYPES: Table<VoiceLogType> = [
  ["laml_call", 22],
  ["relay_pstn_call", 14],
  ["relay_sip_call", 10],
  ["relay_webrtc_call", 9],
  ["video_room_pstn_leg", 8],
  ["video_room_sip_leg", 7],
  ["dialogflow_call", 12],
  ["fabric_subscriber_device_leg", 18],
];
export const RELAY_STATUS: Table<VoiceLogStatus> = [
  ["completed", 55],
  ["no-answer", 10],
  ["busy", 8],
  ["failed", 6],
  ["canceled", 6],
  ["in-progress", 5],
  ["ringing", 4],
  ["queued", 3],
  ["initiated", 3],
];
export const ROOM_STATUS: Table<VoiceLogStatus> = [
  ["ended", 60],
  ["joined", 20],
  ["ending", 10],
  ["created", 10],
];
export const DIALOGFLOW_STATUS: Table<VoiceLogStatus> = [
  ["completed", 50],
  ["ended", 20],
  ["answered", 15],
  ["failed", 15],
];
export const RELAY_DIRECTION: Table<VoiceDirection> = [
  ["inbound", 50],
  ["outbound-api", 30],
  ["outbound", 20],
];
/** Share of relay calls that are a dialed leg of the call before them, when that one is a relay call. */
export const CHILD_LEG_SHARE = 0.35;
/** Per-minute rates in 1/10 000 dollar. */
export const RATE = {
  laml: 85,
  pstn: 65,
  sip: 40,
  webrtc: 30,
  roomPstn: 40,
  roomSip: 20,
  agent: 20,
  fabric: 10,
};
export const NAMES = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"];

/** The value whose share of the table's total weight `r` (in [0, 1)) falls in. */
export function pick<T>(table: Table<T>, r: number): T {
  let left = r * table.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [value, weight] of table) {
    left -= weight;
    if (left < 0) return value;
  }
  return (table[table.length - 1] as readonly [T, number])[0];
}

/** The variant of the log at shifted position `n`: a function of the seed and position alone. */
export function typeOf(key: number, n: number): VoiceLogType {
  return pick(TYPES, unit(key, n, 10));
}
