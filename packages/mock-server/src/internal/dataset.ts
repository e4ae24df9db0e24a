import type { VoiceLog } from "@signalwire-voice/types";
import { hash32, seedKey } from "./hash.js";
import { logId, positionOfId } from "./log-id.js";
import { makeVoiceLog } from "./voice-log.js";

/**
 * The logs the server serves, computed on demand: nothing is stored per log.
 *
 * Logs sit at integer *positions*, newest first. The seeded dataset fills `0..size-1`; logs
 * inserted at run time take `-1, -2, …` (each newer than all before it). `created_at` strictly
 * decreases with the position, so "newer than" and "older than" are position comparisons, and
 * a time bound turns into a position by binary search.
 */

/** The newest seeded log is created just before this instant; inserted logs come after it. */
export const HEAD_TIME_MS = Date.UTC(2026, 0, 1);
/**
 * Mean seconds between neighbouring logs. Log `p` sits at `p * GAP_S` plus a seeded jitter of its
 * own in `1..GAP_S` seconds before the head, so neighbours are 1 to `2 * GAP_S - 1` seconds apart.
 */
const GAP_S = 30;
/** One seeded log in every `BLOCK` positions is discarded (shown only with include_deleted=true). */
const BLOCK = 40;
/** Most seeded (or inserted) logs: ~950 years of history at GAP_S, so every date stays a 4-digit year. */
export const MAX_LOGS = 1_000_000_000;

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
  /** The position of the log with this id, if it exists now. */
  positionOf(id: string): number | undefined;
  /** The smallest position in `from..to` whose log was created before `timeMs` (`to` if none). */
  firstCreatedBefore(timeMs: number, from: number, to: number): number;
}

export interface DatasetOptions {
  logs: number;
  seed: string | number;
  projectId: string;
}

export function createDataset({ logs, seed, projectId }: DatasetOptions): Dataset {
  const key = seedKey(seed);
  const discardedOffset = (block: number) => hash32(key, block, 11) % BLOCK;
  // Position of the n-th (0-based) live seeded log: each block holds BLOCK - 1 of them.
  const liveAt = (n: number) => {
    const block = Math.floor(n / (BLOCK - 1));
    const rest = n % (BLOCK - 1);
    return block * BLOCK + rest + (rest >= discardedOffset(block) ? 1 : 0);
  };
  const size = logs === 0 ? 0 : liveAt(logs - 1) + 1;
  let inserted = 0;

  const dataset: Dataset = {
    liveCount: logs,
    size,
    get inserted() {
      return inserted;
    },
    insert(count) {
      inserted += count;
    },
    id: (position) => logId(key, position),
    createdAtMs: (position) => {
      const shifted = position + 2 ** 40;
      return HEAD_TIME_MS - (position * GAP_S + 1 + (hash32(key, shifted, 12) % GAP_S)) * 1000;
    },
    isDiscarded: (position) =>
      position >= 0 && position % BLOCK === discardedOffset(Math.floor(position / BLOCK)),
    log: (position) => makeVoiceLog(dataset, { key, projectId }, position),
    positionOf(id) {
      const position = positionOfId(key, id);
      return position !== undefined && position >= -inserted && position < size ? position : undefined;
    },
    firstCreatedBefore(timeMs, from, to) {
      let low = from;
      let high = to;
      while (low < high) {
        const middle = Math.floor((low + high) / 2);
        if (dataset.createdAtMs(middle) < timeMs) high = middle;
        else low = middle + 1;
      }
      return low;
    },
  };
  return dataset;
}
