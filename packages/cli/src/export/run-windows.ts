import type { OrderedOutput } from "./ordered-output.js";
import type { WindowState } from "./state-file.js";
import { logsLeft, splitPoint } from "./time-windows.js";
import type { WalkClaim } from "./window-walk.js";

/**
 * Walks the unfinished windows of `output` with `concurrency` workers. A worker takes the first
 * window nobody walks; when there is none, it takes over the older half of the walked window
 * with the most logs left (estimated), so a range whose logs sit in one corner still keeps every
 * worker busy. The first failure stops every walk (through the signal given to `walk`) and is
 * rethrown once all have stopped.
 *
 * @example
 * ```ts
 * await runWindows(output, { concurrency: 4, minimumSplit: 1000, signal, walk: (window, claim, signal) => walkWindow(client, window, { claim, signal, … }) });
 * ```
 */
export async function runWindows(
  output: OrderedOutput,
  options: {
    concurrency: number;
    /** A window is split only if at least twice this many logs are estimated to be left. */
    minimumSplit: number;
    signal?: AbortSignal | undefined;
    walk: (window: WindowState, claim: WalkClaim, signal: AbortSignal) => Promise<void>;
    /** Window `index` was split at `at`: it keeps `[at, until)`, a new one at `index + 1` takes the rest. */
    onSplit?: ((split: { index: number; at: Date }) => void) | undefined;
  },
): Promise<void> {
  options.signal?.throwIfAborted();
  const stop = new AbortController();
  const onAbort = () => stop.abort(options.signal?.reason);
  options.signal?.addEventListener("abort", onAbort, { once: true });
  const claims = new Map<WindowState, WalkClaim & { newestMs: number; logs: number }>();
  let failure: { error: unknown } | undefined;
  // Wakes the idle workers: a page was taken, a walk ended or the export stops, so there may be
  // something to do now.
  let wake = signal();
  const changed = () => {
    wake.resolve();
    wake = signal();
  };
  stop.signal.addEventListener("abort", changed, { once: true });

  const nextWindow = (): WindowState | undefined => {
    const fresh = output.state.windows.find((window) => !window.done && !claims.has(window));
    if (fresh) return fresh;
    let best: { window: WindowState; at: Date; left: number } | undefined;
    for (const [window, claim] of claims) {
      if (claim.finished || claim.logs === 0) continue;
      const walked = {
        since: Date.parse(window.since),
        newest: claim.newestMs,
        reached: claim.reachedMs,
        logs: claim.logs,
      };
      const at = splitPoint(walked, options.minimumSplit);
      const left = logsLeft(walked);
      if (at && (!best || left > best.left)) best = { window, at, left };
    }
    if (!best) return undefined;
    const index = output.state.windows.indexOf(best.window);
    const older = output.split(best.window, best.at);
    options.onSplit?.({ index, at: best.at });
    return older;
  };

  const worker = async () => {
    while (!stop.signal.aborted) {
      const window = nextWindow();
      if (!window) {
        if (![...claims.values()].some((claim) => !claim.finished)) return;
        await wake.promise;
        continue;
      }
      // What this run's walk has seen: the window's density for a split.
      const claim = {
        reachedMs: Date.parse(window.reached),
        finished: false,
        newestMs: Number.NaN,
        logs: 0,
        reach(page: { newestMs: number; reachedMs: number; logs: number; finished: boolean }) {
          if (Number.isNaN(claim.newestMs) && page.logs > 0) claim.newestMs = page.newestMs;
          claim.reachedMs = page.reachedMs;
          claim.logs += page.logs;
          claim.finished = page.finished;
          changed();
        },
      };
      claims.set(window, claim);
      try {
        await options.walk(window, claim, stop.signal);
      } catch (error) {
        failure ??= { error };
        stop.abort(error);
      } finally {
        claim.finished = true;
        changed();
      }
    }
  };

  try {
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  } finally {
    options.signal?.removeEventListener("abort", onAbort);
  }
  if (failure) throw failure.error;
  options.signal?.throwIfAborted();
}

function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}
