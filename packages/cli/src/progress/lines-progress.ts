import type { ExportProgress } from "./export-progress.js";
import { ExportTally } from "./export-tally.js";
import type { SafeStream } from "./progress-stream.js";
import { progressLine, startLine, summaryLine, waitLine } from "./progress-text.js";

/**
 * Plain progress lines for a stderr that is not a terminal (a log file, CI): a line at start, a
 * progress line at most every `intervalMs`, a line per pause and a summary at the end. It has
 * no timer: each page decides from `now()` whether a line is due, so nothing keeps the process
 * alive and tests drive it with a fake clock.
 *
 * @example
 * ```ts
 * const progress = linesProgress(safeStream(process.stderr), { now: () => performance.now(), intervalMs: 5000 });
 * ```
 */
export function linesProgress(
  stream: SafeStream,
  { now, intervalMs }: { now: () => number; intervalMs: number },
): ExportProgress {
  let tally: ExportTally | undefined;
  let lastLine = 0;
  return {
    start(plan) {
      tally = new ExportTally(plan, now());
      // The start line counts as a line: the first progress line comes an interval later.
      lastLine = tally.startedAt;
      stream.write(startLine(tally));
    },
    page(update) {
      if (!tally?.page(update)) return;
      const time = now();
      if (time - lastLine < intervalMs) return;
      lastLine = time;
      stream.write(progressLine(tally, time));
    },
    // A split changes no count: the next progress line shows the windows as they are.
    split(change) {
      tally?.split(change);
    },
    waiting(wait) {
      stream.write(waitLine(wait));
    },
    finish() {
      if (tally) stream.write(summaryLine(tally, now()));
    },
    // The command prints why it stopped; another line here would only repeat the last one.
    stop() {},
  };
}
