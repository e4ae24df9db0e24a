import type { ExportProgress } from "./export-progress.js";
import { ExportTally } from "./export-tally.js";
import type { ProgressEvent } from "./progress-event.js";
import type { SafeStream } from "./progress-stream.js";

/**
 * `--progress json`: one `ProgressEvent` per line for every call, for a program that shows its
 * own progress. Not throttled: a page is up to 1000 logs, so a line per page is little.
 *
 * @example
 * ```ts
 * const progress = jsonProgress(safeStream(process.stderr), { now: () => performance.now() });
 * ```
 */
export function jsonProgress(stream: SafeStream, { now }: { now: () => number }): ExportProgress {
  let tally: ExportTally | undefined;
  const emit = (event: ProgressEvent) => stream.write(`${JSON.stringify(event)}\n`);
  const end = (event: "done" | "stopped") => {
    if (!tally) return;
    const time = now();
    emit({
      event,
      ...totalsOf(tally),
      elapsedMs: tally.elapsed(time),
      logsPerSecond: Math.round(tally.rate(time)),
    });
  };
  return {
    start(plan) {
      tally = new ExportTally(plan, now());
      const { since, until, out, windows, concurrency } = plan;
      emit({
        event: "start",
        since: since.toJSON(),
        until: until.toJSON(),
        out,
        windows: windows.length,
        concurrency,
        ...totalsOf(tally),
      });
    },
    page(update) {
      const window = tally?.page(update);
      if (!tally || !window) return;
      emit({
        event: "page",
        window: update.window,
        logs: update.logs,
        ...totalsOf(tally),
        reached: window.reached.toJSON(),
        done: window.done,
        elapsedMs: tally.elapsed(now()),
      });
    },
    split(change) {
      if (!tally?.split(change)) return;
      emit({ event: "split", window: change.window, at: change.at.toJSON(), windows: tally.windows.length });
    },
    waiting({ ms, reason }) {
      emit({ event: "wait", ms, reason });
    },
    finish: () => end("done"),
    stop: () => end("stopped"),
  };
}

function totalsOf(tally: ExportTally) {
  return {
    totalLogs: tally.logs,
    pages: tally.pages,
    windowsDone: tally.windowsDone,
    // Rounded down, so it never decreases and reads 1 only when all is covered.
    fraction: tally.share(10_000) / 10_000,
  };
}
