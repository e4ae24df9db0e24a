import type { ExportProgress, WindowProgress } from "./export-progress.js";

/**
 * What `ExportProgress.start` is told: the range, the output, the windows and the workers.
 *
 * @example
 * ```ts
 * const plan: ExportPlan = { since, until, out: "stdout", windows, concurrency: 4 };
 * ```
 */
export type ExportPlan = Parameters<ExportProgress["start"]>[0];

/**
 * The counts every progress display shows, kept up to date one page at a time in constant time:
 * logs and pages (with those of earlier runs on `--resume`), windows done, and the time covered
 * out of `[since, until)`, in whole milliseconds so that percentages are exact.
 *
 * @example
 * ```ts
 * const tally = new ExportTally(plan, now());
 * tally.page({ window: 0, logs: 1000, reached, done: false });
 * tally.percent; // 42
 * ```
 */
export class ExportTally {
  readonly plan: ExportPlan;
  /** The plan's windows, copied: the caller's objects are never changed. */
  readonly windows: WindowProgress[];
  /** `now()` at `start`. */
  readonly startedAt: number;
  /** What earlier runs wrote (zeros on a fresh export). */
  readonly resumed: { readonly logs: number; readonly pages: number; readonly windowsDone: number };
  logs = 0;
  pages = 0;
  windowsDone = 0;
  /** Milliseconds of `[since, until)` covered, summed over the windows. */
  covered = 0;
  /** The length of `[since, until)` in milliseconds. */
  readonly span: number;

  constructor(plan: ExportPlan, startedAt: number) {
    this.plan = plan;
    this.startedAt = startedAt;
    this.span = Math.max(0, plan.until.getTime() - plan.since.getTime());
    this.windows = plan.windows.map((window) => ({ ...window }));
    for (const window of this.windows) {
      this.logs += window.logs;
      this.pages += window.pages;
      this.covered += coveredOf(window);
      if (window.done) this.windowsDone += 1;
    }
    this.resumed = { logs: this.logs, pages: this.pages, windowsDone: this.windowsDone };
  }

  /**
   * Counts one page of window `update.window`; returns that window, or `undefined` for an
   * index the plan does not have (the page is then not counted).
   */
  page(update: Parameters<ExportProgress["page"]>[0]): WindowProgress | undefined {
    const window = this.windows[update.window];
    if (!window) return undefined;
    const before = coveredOf(window);
    window.logs += update.logs;
    window.pages += 1;
    // Logs come newest first, so a window only grows backwards: a later `reached` never
    // shrinks it, which keeps the fraction monotone.
    if (update.reached < window.reached) window.reached = update.reached;
    if (update.done && !window.done) {
      window.done = true;
      window.reached = window.since;
      this.windowsDone += 1;
    }
    this.covered += coveredOf(window) - before;
    this.logs += update.logs;
    this.pages += 1;
    return window;
  }

  /**
   * Splits window `change.window` at `change.at`, as the export did: the window keeps
   * `[at, until)`, a new one for `[since, at)` follows it; the time covered does not change.
   * Returns whether the window exists, is not done and `at` is inside it.
   */
  split(change: Parameters<ExportProgress["split"]>[0]): boolean {
    const window = this.windows[change.window];
    if (!window || window.done || !(change.at > window.since && change.at < window.until)) return false;
    const before = coveredOf(window);
    // Were `at` after `reached` (against the rule), the new window holds the part walked past it,
    // so that the time covered stays the same.
    const reached = new Date(Math.min(change.at.getTime(), window.reached.getTime()));
    const older = { since: window.since, until: change.at, reached, logs: 0, pages: 0, done: false };
    window.since = change.at;
    this.windows.splice(change.window + 1, 0, older);
    this.covered += coveredOf(window) + coveredOf(older) - before;
    return true;
  }

  /**
   * The share of `[since, until)` covered in `parts` (100: percent), rounded down: all parts only
   * once everything is covered. Integer arithmetic, so 29% of a range never reads 28.
   */
  share(parts: number): number {
    return this.span === 0 ? parts : Math.min(parts, Math.floor((this.covered * parts) / this.span));
  }

  /** The whole percent covered, rounded down. */
  get percent(): number {
    return this.share(100);
  }

  /** Milliseconds since `start`. */
  elapsed(now: number): number {
    return Math.max(0, now - this.startedAt);
  }

  /** Logs per second written by this run (not counting earlier runs); 0 before any time passed. */
  rate(now: number): number {
    const elapsed = this.elapsed(now);
    return elapsed === 0 ? 0 : ((this.logs - this.resumed.logs) * 1000) / elapsed;
  }
}

/**
 * Milliseconds of a window covered: `[reached, until)`, the whole window once done, clamped to
 * the window so that a `reached` outside it counts as nothing or everything.
 *
 * @example coveredOf({ since: 00:00, until: 06:00, reached: 04:00, … }) // 7_200_000
 */
export function coveredOf(window: WindowProgress): number {
  const span = spanOf(window);
  if (window.done) return span;
  const covered = window.until.getTime() - window.reached.getTime();
  // An invalid `reached` (NaN) counts as nothing covered.
  return Number.isNaN(covered) ? 0 : Math.min(span, Math.max(0, covered));
}

/**
 * A window's length in milliseconds.
 *
 * @example spanOf({ since: 00:00, until: 06:00, … }) // 21_600_000
 */
export function spanOf(window: WindowProgress): number {
  return Math.max(0, window.until.getTime() - window.since.getTime());
}
