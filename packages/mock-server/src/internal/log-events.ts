import type { LogEvent, VoiceLog } from "@signalwire-voice/types";
import { unit } from "./hash.js";
import { logLifecycle } from "./log-lifecycle.js";
import { iso, talkMs } from "./voice-log.js";

export interface EventContext {
  key: number;
  /** The `project_id` every event carries (see project-uuid.ts). */
  projectUuid: string;
}

/**
 * The events of the log at `position` (`GET /logs/{id}/events`), oldest first: a pure function
 * of the seed and the position, like the log itself, so the same seed gives the same events.
 * Each has the log's id and the project's uuid. A discarded log keeps no events: `[]`.
 *
 * @example
 * ```ts
 * makeLogEvents(dataset.log(7), { key, projectUuid }, 7).map((event) => event.name);
 * // ["calling_call_initiated", "calling_call_ringing", "calling_call_answered", "calling_call_ended"]
 * ```
 */
export function makeLogEvents(
  log: VoiceLog,
  { key, projectUuid }: EventContext,
  position: number,
): LogEvent[] {
  if ("discarded_at" in log) return [];
  const n = position + 2 ** 40;
  const createdAtMs = Date.parse(log.created_at);
  const steps = logLifecycle(log, (salt) => unit(key, n, salt), talkMs(key, position));
  return steps.map(({ afterMs, name, level, details }) => ({
    event_at: iso(createdAtMs + afterMs),
    level,
    name,
    details,
    project_id: projectUuid,
    log_id: log.id,
  }));
}
