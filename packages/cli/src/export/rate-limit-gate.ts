import { setTimeout as delay } from "node:timers/promises";
import { type FetchFunction, parseRetryAfter } from "@signalwire-voice/client";

/** The longest pause a `Retry-After` gets: the client gives up on a longer one, and so does the gate. */
const LONGEST_PAUSE_MS = 60_000;

/**
 * A fetch shared by all of an export's workers: when one gets a 429 (or a 503 with
 * `Retry-After`), every request, retries included, waits until the server's `Retry-After` has
 * passed, so the workers slow down together instead of each hitting the limit in turn. A 429
 * without a readable `Retry-After` pauses for a second. The client's own retry of the request
 * that got the answer is unchanged.
 *
 * @example
 * ```ts
 * const gate = rateLimitGate(globalThis.fetch, { onPause: (ms, status) => progress.waiting({ ms, reason: `${status}` }) });
 * const client = createVoiceClient({ fetch: gate });
 * ```
 */
export function rateLimitGate(
  fetch: FetchFunction,
  options: { onPause?: (ms: number, status: number) => void; now?: () => number } = {},
): FetchFunction {
  const now = options.now ?? Date.now;
  let pausedUntil = 0;
  return async (request, init) => {
    for (let wait = pausedUntil - now(); wait > 0; wait = pausedUntil - now()) {
      await delay(wait, undefined, { signal: init.signal });
    }
    const response = await fetch(request, init);
    const retryAfter = parseRetryAfter(response.headers.get("retry-after"));
    const pause =
      response.status === 429 ? (retryAfter ?? 1000) : response.status === 503 ? retryAfter : undefined;
    if (pause !== undefined && pause > 0) {
      const until = now() + Math.min(pause, LONGEST_PAUSE_MS);
      if (until > pausedUntil) {
        pausedUntil = until;
        options.onPause?.(until - now(), response.status);
      }
    }
    return response;
  };
}
