import { Writable } from "node:stream";
import type { WindowProgress } from "../src/progress/export-progress.js";
import type { ExportPlan } from "../src/progress/export-tally.js";

/** The range every progress test exports: one day. */
export const SINCE = new Date("2026-01-01T00:00:00.000Z");
export const UNTIL = new Date("2026-01-02T00:00:00.000Z");
export const RANGE = "2026-01-01T00:00:00.000Z..2026-01-02T00:00:00.000Z";
export const HOUR = 3_600_000;

/**
 * The day in `count` equal windows, newest first, nothing walked yet; `resumed` overrides some
 * windows' counts, as a state file of an earlier run would.
 */
export function planOf(
  count: number,
  concurrency: number,
  resumed: Record<number, Partial<WindowProgress>> = {},
): ExportPlan {
  const length = (UNTIL.getTime() - SINCE.getTime()) / count;
  const windows = Array.from({ length: count }, (_, index): WindowProgress => {
    const until = new Date(UNTIL.getTime() - index * length);
    const window = {
      since: new Date(until.getTime() - length),
      until,
      reached: until,
      logs: 0,
      pages: 0,
      done: false,
    };
    return { ...window, ...resumed[index] };
  });
  return { since: SINCE, until: UNTIL, out: "day.ndjson", windows, concurrency };
}

/** A window's `until` minus `hours`: where a page of it reaches back to. */
export function reachedIn(plan: ExportPlan, window: number, hours: number): Date {
  const until = plan.windows[window]?.until ?? UNTIL;
  return new Date(until.getTime() - hours * HOUR);
}

/** A clock the test moves by hand. */
export function fakeClock(start = 0): { now: () => number; t: number } {
  const clock = { t: start, now: () => clock.t };
  return clock;
}

/** A real Node stream that keeps what is written; `tty` makes it claim to be a terminal. */
export function recordingStream(tty?: { columns: number; rows: number }): Writable & {
  text: () => string;
  isTTY?: boolean;
  columns?: number;
  rows?: number;
} {
  let written = "";
  const stream = new Writable({
    decodeStrings: false,
    // Completing each write at once keeps every write synchronous: the test reads them right after.
    write(chunk: string | Buffer, _encoding, done) {
      written += String(chunk);
      done();
    },
  });
  return Object.assign(stream, { text: () => written }, tty && { isTTY: true, ...tty });
}
