import type { LogEvent, VoiceLog } from "@signalwire-voice/types";

/**
 * The logs the server serves, computed on demand: nothing is stored per log.
 *
 * Logs sit at integer *positions*, newest first. The seeded dataset fills `0..size-1`; logs
 * inserted at run time take `-1, -2, …` (each newer than all before it). `created_at` strictly
 * decreases with the position, so "newer than" and "older than" are position comparisons, and
 * a time bound turns into a position by binary search.
 */
export interface Dataset {
  /** Live logs the seeded data was asked for (`logs`); discarded ones sit between them. */
  readonly liveCount: number;
  /** Positions taken by seeded logs (live + discarded): `0..size-1`. */
  readonly size: number;
  /** Logs inserted at run time, at positions `-inserted..-1`. */
  readonly inserted: number;
  /** Adds `count` live logs, newer than every log so far. */
  insert(count: number): void;
  id(position: number): string;
  createdAtMs(position: number): number;
  isDiscarded(position: number): boolean;
  log(position: number): VoiceLog;
  /** The events of the log at `position`, oldest first (none for a discarded log). */
  events(position: number): LogEvent[];
  /** The position of the log with this id, if it exists now. */
  positionOf(id: string): number | undefined;
  /** The smallest position in `from..to` whose log was created before `timeMs` (`to` if none). */
  firstCreatedBefore(timeMs: number, from: number, to: number): number;
}
