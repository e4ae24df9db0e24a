import type { RelayVoiceLog } from "@signalwire-voice/types";
import { type Random, type Step, Steps } from "./event-steps.js";

/** What the far end answered a failed call with. */
const FAILURES = [
  [404, "Not Found"],
  [480, "Temporarily Unavailable"],
  [503, "Service Unavailable"],
  [603, "Decline"],
] as const;

/**
 * The events of a Compatibility (LaML) or Relay call, for its status. A finished call's events
 * span exactly its duration_ms: initiated at created_at, ended at created_at + duration_ms, with
 * ringing and answered in its first quarter. A call that never connected (busy, failed,
 * no-answer, canceled: duration 0) or is still open spans the time it took to reach that state,
 * under a minute. Failures are `error`, busy and unanswered calls `warn`, the rest `info`;
 * LaML's document fetch is `debug`.
 *
 * @example
 * ```ts
 * callLifecycle(busyCall, r, talkMs).map((step) => `${step.afterMs} ${step.name}`);
 * // ["0 calling_call_initiated", "1840 calling_call_busy", "1840 calling_call_ended"]
 * ```
 */
export function callLifecycle(log: RelayVoiceLog, r: Random, talkMs: number): Step[] {
  const steps = new Steps();
  const { status, direction, from, to } = log;
  const parent = log.parent_id ? { parent_id: log.parent_id } : {};
  const ended = (afterMs: number) =>
    steps.add(afterMs, "calling_call_ended", "info", { status, duration_ms: log.duration_ms ?? 0 });
  if (status === "queued") {
    steps.add(0, "calling_call_queued", "info", { direction, from, to, ...parent });
    return steps.list;
  }
  steps.add(0, "calling_call_initiated", "info", { direction, from, to, ...parent });
  // Finished calls fit setup into their first quarter; the others take 0.3-3 s to ring.
  const ringAt = status === "completed" ? talkMs * (0.02 + r(60) * 0.08) : 300 + r(60) * 2700;
  const answerAt = status === "completed" ? talkMs * (0.12 + r(61) * 0.13) : ringAt + 2000 + r(61) * 8000;

  switch (status) {
    case "initiated":
      return steps.list;
    case "busy":
      ended(steps.add(ringAt, "calling_call_busy", "warn", { sip_code: 486, reason: "Busy Here" }));
      return steps.list;
    case "failed": {
      const [sip_code, reason] = FAILURES[Math.floor(r(62) * FAILURES.length)] ?? FAILURES[0];
      ended(steps.add(r(63) * 3000, "calling_call_failed", "error", { sip_code, reason }));
      return steps.list;
    }
  }
  steps.add(ringAt, "calling_call_ringing", "info", { to });
  switch (status) {
    case "ringing":
      return steps.list;
    case "no-answer": {
      const timeout_s = 20 + Math.floor(r(64) * 26);
      ended(steps.add(ringAt + timeout_s * 1000, "calling_call_no_answer", "warn", { timeout_s }));
      return steps.list;
    }
    case "canceled":
      ended(steps.add(answerAt, "calling_call_canceled", "info", { by: "caller" }));
      return steps.list;
  }
  const answered = steps.add(answerAt, "calling_call_answered", "info", { to });
  if (log.type === "laml_call") {
    steps.add(answered, "laml_document_fetched", "debug", { method: "POST", status_code: 200 });
  }
  if (status !== "completed") return steps.list;
  if (log.charge_details.some((line) => line.description === "Call recording")) {
    steps.add(answered + 500, "calling_call_record_started", "info", { format: "mp3" });
    steps.add(talkMs, "calling_call_record_finished", "info", { format: "mp3" });
  }
  ended(talkMs);
  return steps.list;
}
