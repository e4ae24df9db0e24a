import { AbortError } from "../errors/abort-error.js";

type Signals = readonly (AbortSignal | undefined)[];

/**
 * A signal that aborts when any parent (the caller's signals) aborts or when `ms` have passed.
 * If it aborted and no parent did, the clock did. Hand-rolled rather than `AbortSignal.any` +
 * `AbortSignal.timeout`: those timers cannot be cleared, so every request would leave one pending.
 */
export function linkSignal(parents: Signals, ms: number): { signal: AbortSignal; release(): void } {
  const controller = new AbortController();
  const abort = () => controller.abort();
  const timer = setTimeout(abort, ms);
  for (const parent of parents) parent?.aborted ? abort() : parent?.addEventListener("abort", abort);
  return {
    signal: controller.signal,
    release() {
      clearTimeout(timer);
      for (const parent of parents) parent?.removeEventListener("abort", abort);
    },
  };
}

/** An `AbortError` for `what` if a parent has aborted (its `reason` as `cause`), else `undefined`. */
export function abortError(parents: Signals, what: string): AbortError | undefined {
  const parent = parents.find((candidate) => candidate?.aborted);
  return parent && new AbortError(`${what} was aborted by its signal.`, {}, { cause: parent.reason });
}

/** Waits `ms`, or less if a parent aborts: the caller checks `abortError` afterwards. */
export function sleep(ms: number, parents: Signals): Promise<void> {
  return new Promise((resolve) => {
    const { signal, release } = linkSignal(parents, ms);
    const wake = () => resolve(release());
    // A parent that had already aborted aborted the link before anyone listened.
    signal.aborted ? wake() : signal.addEventListener("abort", wake);
  });
}
