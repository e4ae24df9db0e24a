import type { ExportProgress } from "./export-progress.js";
import { guardedProgress } from "./guarded-progress.js";
import { jsonProgress } from "./json-progress.js";
import { linesProgress } from "./lines-progress.js";
import { type ProgressStream, safeStream } from "./progress-stream.js";

/**
 * How `logs export` shows its progress on stderr: `bar`, progress bars on a terminal; `lines`, a
 * plain line every few seconds; `json`, a JSON object per event and line (`ProgressEvent`);
 * `none`, nothing (`--quiet`). `--progress auto` is `bar` on a terminal, `lines` elsewhere.
 *
 * @example
 * ```ts
 * const mode: ProgressMode = process.stderr.isTTY ? "bar" : "lines";
 * ```
 */
export type ProgressMode = "bar" | "lines" | "json" | "none";

/**
 * Where and how a progress display writes.
 *
 * @example
 * ```ts
 * const options: ProgressOptions = { stream: process.stderr };
 * ```
 */
export interface ProgressOptions {
  /** stderr, or any object with `write(text)`; never stdout, which holds the records. */
  stream: ProgressStream;
  /** The clock, in milliseconds. Default: `performance.now()` (monotonic). */
  now?: (() => number) | undefined;
  /** `lines` mode: the least time between two progress lines. Default: 5000. */
  intervalMs?: number | undefined;
}

/**
 * The progress display of `logs export` (see `ProgressMode`). Its calls are cheap, never throw
 * (not even for a broken stream), and are ignored once it has finished or stopped. `"bar"` on a
 * stream that is not a terminal shows `"lines"`: cli-progress draws nothing there.
 *
 * @example
 * ```ts
 * const progress = await createProgress(process.stderr.isTTY ? "bar" : "lines", { stream: process.stderr });
 * progress.start({ since, until, out: "day.ndjson", windows, concurrency: 4 });
 * progress.page({ window: 0, logs: 1000, reached: new Date(page.items.at(-1).created_at), done: false });
 * progress.finish();
 * ```
 */
export async function createProgress(mode: ProgressMode, options: ProgressOptions): Promise<ExportProgress> {
  const stream = safeStream(options.stream);
  const now = options.now ?? (() => performance.now());
  if (mode === "bar" && stream.isTTY) {
    // Loaded only for a terminal: cli-progress and its dependencies cost ~6 MiB of memory.
    const { barProgress } = await import("./bar-progress.js");
    return guardedProgress(barProgress(stream, { now }));
  }
  if (mode === "bar" || mode === "lines") {
    return guardedProgress(linesProgress(stream, { now, intervalMs: options.intervalMs ?? 5000 }));
  }
  if (mode === "json") return guardedProgress(jsonProgress(stream, { now }));
  return NO_PROGRESS;
}

const nothing = () => {};

/** `--quiet`: shows nothing. */
const NO_PROGRESS: ExportProgress = {
  start: nothing,
  page: nothing,
  split: nothing,
  waiting: nothing,
  finish: nothing,
  stop: nothing,
};
