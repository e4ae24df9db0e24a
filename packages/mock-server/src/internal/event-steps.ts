import type { LogEventLevel } from "@signalwire-voice/types";

/** One event before it is stamped: when (milliseconds after the log's created_at), what, how severe. */
export interface Step {
  afterMs: number;
  name: string;
  level: LogEventLevel;
  details: Record<string, unknown>;
}

/** Seeded randomness of one log: a uniform number in [0, 1) per salt. */
export type Random = (salt: number) => number;

/**
 * A list of steps that only grows forward in time: a step asked for earlier than the one before
 * it is moved to that one's time, so the events come out ordered whatever the arithmetic.
 *
 * @example
 * ```ts
 * const steps = new Steps();
 * steps.add(0, "calling_call_initiated", "info", { from, to });
 * steps.add(1500, "calling_call_ringing", "info");
 * ```
 */
export class Steps {
  readonly list: Step[] = [];

  add(afterMs: number, name: string, level: LogEventLevel, details: Record<string, unknown> = {}): number {
    const last = this.list.at(-1)?.afterMs ?? 0;
    const at = Math.max(last, Math.round(afterMs));
    this.list.push({ afterMs: at, name, level, details });
    return at;
  }
}

/** How long a call that never connected, or is still open, takes to reach its state: under a minute. */
export const SETUP_LIMIT_MS = 60_000;
