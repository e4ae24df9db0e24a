import type {
  ChargeDetail,
  DialogflowVoiceLog,
  DiscardedVoiceLog,
  FabricVoiceLog,
  RelayVoiceLog,
  VideoRoomVoiceLog,
  VoiceDirection,
  VoiceLog,
  VoiceLogType,
} from "@signalwire-voice/types";
import type { Dataset } from "./dataset.js";
import { hash32, unit } from "./hash.js";
import {
  CHILD_LEG_SHARE,
  DIALOGFLOW_STATUS,
  NAMES,
  pick,
  RATE,
  RELAY_DIRECTION,
  RELAY_STATUS,
  ROOM_STATUS,
  typeOf,
} from "./log-mix.js";

/**
 * The fields of one log, as a pure function of (seed key, position). Which variant, status and
 * direction a log gets is seeded; what follows from them (durations, charges, url, parent_id)
 * follows the rules a real account shows: only finished calls have durations and charges, only
 * LaML calls have a url, and an `outbound-dial` leg points at the call just before it.
 */

/**
 * An instant as SignalWire writes it: ISO 8601 in UTC, milliseconds only when there are some.
 *
 * @example iso(Date.UTC(2026, 0, 1)) // "2026-01-01T00:00:00Z"; iso(1500) // "1970-01-01T00:00:01.500Z"
 */
export const iso = (ms: number): string => new Date(ms).toISOString().replace(".000Z", "Z");
const isRelay = (type: VoiceLogType): type is RelayVoiceLog["type"] =>
  type === "laml_call" || type.startsWith("relay_");

/**
 * Milliseconds the call at `position` lasted once connected, if it finished: 3 s to 30 min. Its
 * duration fields and charges, and the span of its events, all come from this one number.
 *
 * @example talkMs(seedKey(1), 0) // 1345679: log 0 of seed 1 lasted 22 min 25.679 s
 */
export const talkMs = (key: number, position: number): number =>
  3000 + Math.floor(unit(key, position + 2 ** 40, 30) * 1_797_000);

export interface LogContext {
  key: number;
  projectId: string;
}

export function makeVoiceLog(dataset: Dataset, { key, projectId }: LogContext, position: number): VoiceLog {
  const n = position + 2 ** 40;
  const r = (salt: number) => unit(key, n, salt);
  const id = dataset.id(position);
  const createdAtMs = dataset.createdAtMs(position);
  const created_at = iso(createdAtMs);
  if (dataset.isDiscarded(position)) {
    const discarded_at = iso(createdAtMs + (3600 + Math.floor(r(20) * 60 * 86_400)) * 1000);
    return { id, discarded_at, created_at } satisfies DiscardedVoiceLog;
  }

  const phone = (salt: number) =>
    `+1${200 + (hash32(key, n, salt) % 800)}${String(hash32(key, n, salt + 1) % 10_000_000).padStart(7, "0")}`;
  const user = (salt: number) =>
    `${NAMES[hash32(key, n, salt) % NAMES.length]}-${hash32(key, n, salt + 1) % 100}`;
  const sip = (salt: number) => `sip:${user(salt)}@example.sip.signalwire.com`;
  const talked = talkMs(key, position);
  const minutes = Math.ceil(talked / 60_000);
  const charges = (...lines: (readonly [string, number])[]) => {
    const details: ChargeDetail[] = lines.map(([description, units]) => ({
      description,
      charge: units / 10_000,
    }));
    const total = lines.reduce((sum, [, units]) => sum + units, 0);
    return { charge: total / 10_000, charge_details: details };
  };
  const noCharge = { charge: 0, charge_details: [] };
  const type = typeOf(key, n);

  if (isRelay(type)) {
    const status = pick(RELAY_STATUS, r(40));
    const parentIsRelay =
      position + 1 < dataset.size && !dataset.isDiscarded(position + 1) && isRelay(typeOf(key, n + 1));
    const isChild = parentIsRelay && r(41) < CHILD_LEG_SHARE;
    const direction: VoiceDirection = isChild ? "outbound-dial" : pick(RELAY_DIRECTION, r(42));
    const [from, to] = type === "relay_sip_call" ? [sip(50), sip(52)] : [phone(50), phone(52)];
    const finished = status === "completed";
    const open =
      status === "queued" || status === "initiated" || status === "ringing" || status === "in-progress";
    const [rate, label] =
      type === "laml_call"
        ? [RATE.laml, "Compatibility call"]
        : type === "relay_pstn_call"
          ? [RATE.pstn, "Relay PSTN call"]
          : type === "relay_sip_call"
            ? [RATE.sip, "Relay SIP call"]
            : [RATE.webrtc, "Relay WebRTC call"];
    const recorded = finished && type === "laml_call" && r(43) < 0.25;
    return {
      id,
      from: type === "relay_webrtc_call" ? `verto:${user(54)}@example.signalwire.com` : from,
      to,
      source: type === "laml_call" ? "laml" : "realtime_api",
      ...(finished
        ? charges(
            [`${label}, ${minutes} min`, rate * minutes],
            ...(recorded ? [["Call recording", 5 * minutes] as const] : []),
          )
        : noCharge),
      created_at,
      type,
      url:
        type === "laml_call"
          ? `https://example.signalwire.com/api/laml/2010-04-01/Accounts/${encodeURIComponent(projectId)}/Calls/${id}`
          : null,
      direction,
      status,
      duration: finished ? Math.ceil(talked / 1000) : open ? null : 0,
      duration_ms: finished ? talked : open ? null : 0,
      billing_ms: finished ? minutes * 60_000 : open ? null : 0,
      parent_id: isChild ? dataset.id(position + 1) : null,
    } satisfies RelayVoiceLog;
  }

  if (type === "video_room_pstn_leg" || type === "video_room_sip_leg") {
    const status = pick(ROOM_STATUS, r(40));
    const pstn = type === "video_room_pstn_leg";
    const finished = status === "ended";
    return {
      id,
      from: pstn ? phone(50) : sip(50),
      to: pstn ? phone(52) : `sip:room-${hash32(key, n, 52) % 1000}@example.video.signalwire.com`,
      source: "realtime_api",
      ...(finished
        ? charges([
            `Video room ${pstn ? "PSTN" : "SIP"} leg, ${minutes} min`,
            (pstn ? RATE.roomPstn : RATE.roomSip) * minutes,
          ])
        : noCharge),
      created_at,
      type,
      url: null,
      direction: r(42) < 0.7 ? "inbound" : "outbound",
      status,
      duration: finished ? Math.ceil(talked / 1000) : null,
      duration_ms: finished ? talked : null,
    } satisfies VideoRoomVoiceLog;
  }

  if (type === "dialogflow_call") {
    const status = pick(DIALOGFLOW_STATUS, r(40));
    const finished = status === "completed" || status === "ended";
    return {
      id,
      from: phone(50),
      to: phone(52),
      source: "dialogflow",
      ...(finished
        ? charges(
            [`Dialogflow call, ${minutes} min`, RATE.pstn * minutes],
            [`Dialogflow agent, ${minutes} min`, RATE.agent * minutes],
          )
        : noCharge),
      created_at,
      type,
      url: null,
      status,
      duration: finished ? Math.ceil(talked / 1000) : status === "failed" ? 0 : null,
    } satisfies DialogflowVoiceLog;
  }

  return {
    id,
    from: `/private/${user(50)}`,
    to: r(53) < 0.5 ? `/public/${user(52)}` : phone(52),
    source: r(44) < 0.7 ? "realtime_api" : "laml",
    ...charges([`Subscriber device leg, ${minutes} min`, RATE.fabric * minutes]),
    created_at,
    type,
    url: null,
    direction: r(42) < 0.5 ? "inbound" : "outbound",
    status: null,
  } satisfies FabricVoiceLog;
}
