import type { TimeRange } from "./time-range.js";

/**
 * `[since, until)` cut into `count` windows of equal length (whole milliseconds, at least one
 * each), newest first: the order their logs are written in.
 *
 * @example splitRange({ since: new Date(0), until: new Date(4) }, 2) // [[2, 4), [0, 2)] as Dates
 */
export function splitRange({ since, until }: TimeRange, count: number): TimeRange[] {
  const start = since.getTime();
  const length = until.getTime() - start;
  const windows = Math.max(1, Math.min(count, length));
  const bound = (index: number) => new Date(start + Math.floor((length * index) / windows));
  return Array.from({ length: windows }, (_, index) => ({
    since: bound(windows - index - 1),
    until: bound(windows - index),
  }));
}

/** What the walk of a window has seen so far, for `splitPoint`. */
export interface WalkedWindow {
  /** The window's lower bound. */
  since: number;
  /** The newest log's `created_at` the walk has seen. */
  newest: number;
  /** The oldest: the walk goes on from here, back to `since`. */
  reached: number;
  /** Logs seen from `newest` back to `reached`. */
  logs: number;
}

/**
 * The logs estimated to be left in a window being walked: the density of the logs seen (from the
 * newest to the oldest, so an empty stretch before the first log does not thin it), times the
 * time left. Infinity when every log seen shares one instant.
 *
 * @example logsLeft({ since: 0, newest: 200, reached: 100, logs: 1000 }) // 1000
 */
export function logsLeft(window: WalkedWindow): number {
  const left = window.reached - window.since;
  const seen = window.newest - window.reached;
  if (left <= 0 || window.logs === 0) return 0;
  return seen <= 0 ? Number.POSITIVE_INFINITY : (window.logs / seen) * left;
}

/**
 * Where an idle worker should take over the older part of a window being walked: the middle of
 * what is left, `[since, reached)`, or undefined when that is not worth a worker: a split must
 * leave an estimated `minimum` logs or more to each side, so it saves more requests than it costs.
 *
 * @example splitPoint({ since: 0, newest: 200, reached: 100, logs: 5000 }, 1000) // Date(50)
 */
export function splitPoint(window: WalkedWindow, minimum: number): Date | undefined {
  const left = window.reached - window.since;
  if (left < 2 || logsLeft(window) < 2 * minimum) return undefined;
  return new Date(window.since + Math.floor(left / 2));
}
