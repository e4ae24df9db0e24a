/**
 * One line of `--progress json`: a JSON object per event, one per line, on stderr. Dates are
 * ISO 8601 strings; `fraction` is the share of `[since, until)` covered, 0 to 1, rounded down to
 * 4 decimals and never decreasing; `totalLogs` and `pages` include what earlier runs wrote on
 * `--resume`; `elapsedMs` counts from this run's start.
 *
 * @example
 * ```ts
 * for (const line of stderrLines) {
 *   const event = JSON.parse(line) as ProgressEvent;
 *   if (event.event === "page") console.log(`${Math.floor(event.fraction * 100)}%`);
 * }
 * ```
 */
export type ProgressEvent =
  | {
      event: "start";
      since: string;
      until: string;
      /** The output file, or "stdout". */
      out: string;
      /** How many time windows the range is split into, and how many are walked at once. */
      windows: number;
      concurrency: number;
      /** What earlier runs wrote (0 on a fresh export). */
      totalLogs: number;
      pages: number;
      windowsDone: number;
      fraction: number;
    }
  | {
      event: "page";
      /** The window's index in the plan, newest first. */
      window: number;
      /** Logs on this page. */
      logs: number;
      totalLogs: number;
      pages: number;
      windowsDone: number;
      fraction: number;
      /** The window is covered back to here: `[reached, until)`. */
      reached: string;
      /** This page was the window's last. */
      done: boolean;
      elapsedMs: number;
    }
  | {
      event: "split";
      /** This window keeps `[at, until)`; a new one for `[since, at)` is inserted at `window + 1`. */
      window: number;
      at: string;
      /** How many windows there are now. */
      windows: number;
    }
  | {
      event: "wait";
      /** Every worker pauses this long, e.g. for a 429's `Retry-After`. */
      ms: number;
      reason: string;
    }
  | {
      event: "done" | "stopped";
      totalLogs: number;
      pages: number;
      windowsDone: number;
      fraction: number;
      elapsedMs: number;
      /** Logs per second of this run, rounded. */
      logsPerSecond: number;
    };
