import type { ExportProgress } from "./export-progress.js";

/**
 * `progress` made safe to call from an export: a call that throws (a bug in a display) is
 * ignored, and after `finish` or `stop` every call is ignored, so a display ends exactly once
 * whatever order an error path calls them in.
 *
 * @example
 * ```ts
 * const progress = guardedProgress(linesProgress(stream, { now, intervalMs }));
 * progress.finish();
 * progress.stop(); // nothing: already finished
 * ```
 */
export function guardedProgress(progress: ExportProgress): ExportProgress {
  let ended = false;
  const guard =
    <A extends unknown[]>(call: (...args: A) => void, ends = false) =>
    (...args: A): void => {
      if (ended) return;
      if (ends) ended = true;
      try {
        call(...args);
      } catch {
        // A progress display must never fail an export: the export's own errors are the ones to report.
      }
    };
  return {
    start: guard((plan) => progress.start(plan)),
    page: guard((update) => progress.page(update)),
    split: guard((change) => progress.split(change)),
    waiting: guard((wait) => progress.waiting(wait)),
    finish: guard(() => progress.finish(), true),
    stop: guard(() => progress.stop(), true),
  };
}
