import type { Dataset } from "./dataset.js";
import { hash32, seedKey } from "./hash.js";
import { makeLogEvents } from "./log-events.js";
import { logId, positionOfId } from "./log-id.js";
import { projectUuid } from "./project-uuid.js";
import { makeVoiceLog } from "./voice-log.js";

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

export interface DatasetOptions {
  logs: number;
  seed: string | number;
  projectId: string;
}

/** The seeded logs of `seed`, `logs` of them live, at positions as {@link Dataset} lays them out. */
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
  const events = { key, projectUuid: projectUuid(projectId) };
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
    events: (position) => makeLogEvents(dataset.log(position), events, position),
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
