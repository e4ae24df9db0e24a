import type {
  DialogflowVoiceLog,
  DiscardedVoiceLog,
  FabricVoiceLog,
  VideoRoomVoiceLog,
  VoiceLog,
} from "@signalwire-voice/types";
import { callLifecycle } from "./call-lifecycle.js";
import { type Random, SETUP_LIMIT_MS, type Step, Steps } from "./event-steps.js";

const INTENTS = ["Default Welcome Intent", "book.appointment", "order.status", "agent.handoff"];

/**
 * The events of a live log, oldest first, as steps after its created_at: a lifecycle per variant
 * that stops at the log's status. A finished log's events span its talk time exactly (the last
 * one at created_at + duration); one that is open or never connected spans under a minute.
 *
 * @example
 * ```ts
 * logLifecycle(fabricLeg, r, 119_068).map((step) => step.name);
 * // ["fabric_device_leg_created", "fabric_device_leg_answered", "fabric_device_leg_ended"]
 * ```
 */
export function logLifecycle(log: Exclude<VoiceLog, DiscardedVoiceLog>, r: Random, talkMs: number): Step[] {
  switch (log.type) {
    case "video_room_pstn_leg":
    case "video_room_sip_leg":
      return roomLifecycle(log, r, talkMs);
    case "dialogflow_call":
      return dialogflowLifecycle(log, r, talkMs);
    case "fabric_subscriber_device_leg":
      return fabricLifecycle(log, r, talkMs);
    default:
      return callLifecycle(log, r, talkMs);
  }
}

function roomLifecycle(log: VideoRoomVoiceLog, r: Random, talkMs: number): Step[] {
  const steps = new Steps();
  const { status, direction, from, to } = log;
  const span = status === "ended" ? talkMs : SETUP_LIMIT_MS;
  steps.add(0, "video_room_leg_created", "info", { direction, from, to });
  if (status === "created") return steps.list;
  const joined = steps.add(span * (0.02 + r(60) * 0.18), "video_room_leg_joined", "info", { room: to });
  if (status === "joined") return steps.list;
  steps.add(joined + (span - joined) * (0.9 + r(61) * 0.09), "video_room_leg_ending", "info", {});
  if (status === "ending") return steps.list;
  steps.add(talkMs, "video_room_leg_ended", "info", { status, duration_ms: log.duration_ms ?? 0 });
  return steps.list;
}

function dialogflowLifecycle(log: DialogflowVoiceLog, r: Random, talkMs: number): Step[] {
  const steps = new Steps();
  const { status, from, to } = log;
  steps.add(0, "dialogflow_call_initiated", "info", { from, to });
  if (status === "failed") {
    steps.add(r(60) * 3000, "dialogflow_call_failed", "error", { status, reason: "agent_unavailable" });
    return steps.list;
  }
  const finished = status === "completed" || status === "ended";
  const span = finished ? talkMs : SETUP_LIMIT_MS;
  const answered = steps.add(span * (0.05 + r(61) * 0.15), "dialogflow_call_answered", "info", { to });
  steps.add(answered, "dialogflow_agent_connected", "info", {});
  const intent = INTENTS[Math.floor(r(62) * INTENTS.length)];
  const confidence = Math.round((0.6 + r(63) * 0.4) * 100) / 100;
  steps.add(answered + (span - answered) * 0.4, "dialogflow_intent_matched", "debug", { intent, confidence });
  if (!finished) return steps.list;
  steps.add(talkMs, `dialogflow_call_${status}`, "info", { status, duration: log.duration ?? 0 });
  return steps.list;
}

function fabricLifecycle(log: FabricVoiceLog, r: Random, talkMs: number): Step[] {
  const steps = new Steps();
  const { direction, from, to } = log;
  steps.add(0, "fabric_device_leg_created", "info", { direction, from, to });
  steps.add(talkMs * (0.02 + r(60) * 0.1), "fabric_device_leg_answered", "info", { to });
  steps.add(talkMs, "fabric_device_leg_ended", "info", { duration_ms: talkMs });
  return steps.list;
}
