/**
 * One time window of an export, as the progress display sees it. Windows are listed newest
 * first, the order their logs are written in.
 *
 * @example
 * ```ts
 * const window: WindowProgress = { since, until, reached: until, logs: 0, pages: 0, done: false };
 * ```
 */
export interface WindowProgress {
  /** The window is `[since, until)`. */
  since: Date;
  until: Date;
  /**
   * How far back the window is walked: logs come newest first, so `[reached, until)` is covered.
   * `until` before the first page, `since` once done.
   */
  reached: Date;
  /** Logs and pages already written (on `--resume`, those of earlier runs too). */
  logs: number;
  pages: number;
  done: boolean;
}

/**
 * What an export tells its progress display. Every call is cheap and never throws.
 *
 * @example
 * ```ts
 * progress.start({ since, until, out: "logs.ndjson", windows, concurrency: 4 });
 * progress.page({ window: 0, logs: 1000, reached: new Date(page.items.at(-1).created_at), done: false });
 * progress.split({ window: 0, at: new Date("2026-01-01T12:00:00Z") });
 * progress.finish();
 * ```
 */
export interface ExportProgress {
  /** Before the first request. `windows` holds what earlier runs wrote, on `--resume`. */
  start(plan: {
    since: Date;
    until: Date;
    /** The output's name: the FILE, or "stdout". */
    out: string;
    windows: readonly WindowProgress[];
    concurrency: number;
  }): void;
  /** One page of window `window` written: `logs` new logs, the window now covered back to `reached`. */
  page(update: { window: number; logs: number; reached: Date; done: boolean }): void;
  /**
   * Window `window` was split, as `OrderedOutput.split` does: it keeps `[at, until)` and hands
   * `[since, at)` to a new window inserted right after it, at index `window + 1` (the windows
   * after it move up one). Indices in later calls count the new window.
   */
  split(change: { window: number; at: Date }): void;
  /** Every worker pauses `ms` milliseconds, e.g. for a 429's `Retry-After`; `reason` says why. */
  waiting(wait: { ms: number; reason: string }): void;
  /** The export is complete: a last line with the totals and the time taken. */
  finish(): void;
  /** The export stopped early (Ctrl-C or an error): leaves the terminal clean, says nothing more. */
  stop(): void;
}
