import cliProgress from "cli-progress";
import type { ExportProgress, WindowProgress } from "./export-progress.js";
import { coveredOf, ExportTally, spanOf } from "./export-tally.js";
import type { SafeStream } from "./progress-stream.js";
import { count, counted, elapsedText, pauseNote, summaryLine, windowText } from "./progress-text.js";

// At most this many window bars under the total one: with `--concurrency 16` the display stays
// a short block; the total line counts every window being walked.
const MAX_WINDOW_BARS = 8;
// Redraws are at most this often: on a page (by `now()`), and on cli-progress's own timer.
const REDRAW_MS = 250;

const TOTAL_FORMAT = "{bar} {percent} | {logs}, {pages} | {rate} logs/s | {elapsed} | {tail}";
const WINDOW_FORMAT = "  {bar} {percent} {label} | {logs}, {pages}";

/**
 * `--progress bar`, on a terminal: a cli-progress MultiBar with a total bar (time range covered,
 * logs, pages, rate, elapsed time, windows done) and, when windows are walked at once, a bar per
 * window being walked, removed when the window is done. `finish` and `stop` erase the bars;
 * `finish` then writes the summary line.
 *
 * Nothing is left to restore if the process dies mid-export (a second Ctrl-C): the cursor is
 * never hidden and line wrapping never turned off; lines are cut to the terminal's width instead.
 *
 * @example
 * ```ts
 * const progress = barProgress(safeStream(process.stderr), { now: () => performance.now() });
 * ```
 */
export function barProgress(stream: SafeStream, { now }: { now: () => number }): ExportProgress {
  let shown: { tally: ExportTally; multibar: cliProgress.MultiBar; total: cliProgress.SingleBar } | undefined;
  // Keyed by the tally's window objects, not indices: a split moves the later windows' indices.
  /** The windows that have a bar. */
  const bars = new Map<WindowProgress, cliProgress.SingleBar>();
  /** The windows this run walks and has not finished, with a bar or not. */
  const walking = new Set<WindowProgress>();
  /** What every worker waits for, until the next page. */
  let pause = "";
  let lastDraw = Number.NEGATIVE_INFINITY;

  // The total line is made at each redraw from the tally and `now()`, so the elapsed time and
  // the rate move on while a slow page is awaited.
  const totalLine: cliProgress.GenericFormatter = (options, params) => {
    if (!shown) return "";
    const { tally } = shown;
    const time = now();
    // "active" counts the windows walked with a bar and without: at most 8 have one.
    const windows =
      tally.plan.concurrency > 1 && tally.windows.length > 1
        ? `${count(tally.windowsDone)}/${count(tally.windows.length)} windows done, ${count(walking.size)} active`
        : `${count(tally.windowsDone)}/${counted(tally.windows.length, "window")} done`;
    return cliProgress.Format.Formatter({ ...options, format: TOTAL_FORMAT }, params, {
      percent: `${tally.percent}%`.padStart(4),
      logs: counted(tally.logs, "log"),
      pages: counted(tally.pages, "page"),
      rate: count(tally.rate(time)),
      elapsed: elapsedText(tally.elapsed(time)),
      // A pause is news, and a 100-column line has room for one of the two.
      tail: pause || windows,
    });
  };
  const draw = (multibar: cliProgress.MultiBar, force: boolean) => {
    const time = now();
    if (!force && time - lastDraw < REDRAW_MS) return;
    lastDraw = time;
    multibar.update();
  };

  return {
    start(plan) {
      const tally = new ExportTally(plan, now());
      const multibar = new cliProgress.MultiBar(
        {
          // cli-progress writes with `write` and reads `isTTY` and `columns`, nothing else.
          stream: stream as unknown as NodeJS.WritableStream,
          format: totalLine,
          barsize: 16,
          hideCursor: false,
          linewrap: true,
          clearOnComplete: true,
          fps: 1000 / REDRAW_MS,
          // cli-progress skips a bar whose text is unchanged, but removing a bar moves the ones
          // below it up a line: without a full redraw, their old lines would stay on screen.
          forceRedraw: true,
          // The command handles SIGINT (it stops after the page being written, then calls `stop`).
          gracefulExit: false,
        },
        cliProgress.Presets.shades_classic,
      );
      // cli-progress redraws on a timer it re-arms after each redraw; unreferenced, a display
      // that is never stopped (a bug on an error path) cannot keep the process alive.
      const unref = () => (multibar as unknown as { timer?: NodeJS.Timeout | null }).timer?.unref();
      multibar.on("start", unref);
      multibar.on("update-post", unref);
      const total = multibar.create(tally.span, tally.covered);
      shown = { tally, multibar, total };
      draw(multibar, true);
    },
    page(update) {
      if (!shown) return;
      const { tally, multibar, total } = shown;
      const window = tally.page(update);
      if (!window) return;
      pause = "";
      total.update(tally.covered);
      const bar = bars.get(window);
      if (window.done) {
        walking.delete(window);
        bars.delete(window);
        // `remove` redraws at once.
        if (bar) multibar.remove(bar);
      } else {
        walking.add(window);
        if (bar) bar.update(coveredOf(window), windowPayload(window));
        else if (bars.size < windowBarsFor(tally, stream)) {
          const options = { format: WINDOW_FORMAT, barsize: 14 };
          bars.set(
            window,
            multibar.create(spanOf(window), coveredOf(window), windowPayload(window), options),
          );
        }
      }
      draw(multibar, false);
    },
    split(change) {
      if (!shown) return;
      const window = shown.tally.windows[change.window];
      if (!shown.tally.split(change) || !window) return;
      // The window is shorter now: its bar's total and label change, its covered time does not.
      const bar = bars.get(window);
      bar?.setTotal(spanOf(window));
      bar?.update(coveredOf(window), windowPayload(window));
    },
    waiting(wait) {
      if (!shown) return;
      pause = pauseNote(wait);
      draw(shown.multibar, true);
    },
    finish() {
      if (!shown) return;
      shown.multibar.stop();
      stream.write(summaryLine(shown.tally, now()));
    },
    stop() {
      shown?.multibar.stop();
    },
  };
}

// One window at a time needs no bar of its own: the total bar is its bar. The block also stays
// shorter than the terminal, which cli-progress cannot redraw once it scrolls.
function windowBarsFor(tally: ExportTally, stream: SafeStream): number {
  if (tally.plan.concurrency <= 1) return 0;
  return Math.max(0, Math.min(MAX_WINDOW_BARS, tally.plan.concurrency, (stream.rows ?? 24) - 3));
}

function windowPayload(window: WindowProgress) {
  const share = spanOf(window) === 0 ? 100 : Math.floor((coveredOf(window) * 100) / spanOf(window));
  return {
    percent: `${share}%`.padStart(4),
    label: windowText(window),
    logs: counted(window.logs, "log"),
    pages: counted(window.pages, "page"),
  };
}
