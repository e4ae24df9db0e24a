import { AbortError } from "../errors/abort-error.js";
import { NetworkError } from "../errors/network-error.js";
import { TimeoutError } from "../errors/timeout-error.js";
import type { BackoffSettings } from "./backoff.js";
import { bufferedResponse } from "./buffered-response.js";
import type { FetchFunction } from "./fetch-function.js";
import { followRedirects } from "./follow-redirects.js";
import { isOwnError } from "./own-errors.js";
import { readBody } from "./read-body.js";
import { type Redact, safeCause } from "./redact.js";
import { parseRetryAfter } from "./retry-after.js";
import { isPermanent, retryDelay } from "./retry-policy.js";
import { linkSignal } from "./timeout.js";

/**
 * What `onRetry` is told before each wait. It holds no request, so it is safe to log whole.
 *
 * @example
 * ```ts
 * createVoiceClient({
 *   onRetry: ({ attempt, delayMs, status, error }) =>
 *     logger.warn(`attempt ${attempt} failed (${status ?? error?.name}), retrying in ${delayMs} ms`),
 * });
 * ```
 */
export interface RetryEvent {
  /** The attempt that failed, 1-based; the next one is `attempt + 1` (its `X-Attempt` header). */
  attempt: number;
  /** How long the client waits before the next attempt. */
  delayMs: number;
  /** The failed attempt's status, when it got an answer. */
  status?: number | undefined;
  /** The failed attempt's error, when it got no answer. */
  error?: NetworkError | TimeoutError | undefined;
}

/** The settings of `retryingFetch`, checked by `resolveOptions`. */
export interface RetrySettings {
  fetch: FetchFunction;
  maxRetries: number;
  timeoutMs: number;
  backoff: BackoffSettings;
  signal?: AbortSignal | undefined;
  onRetry?: ((event: RetryEvent) => void) | undefined;
  /** Removes the token and the Basic credentials from any text an error or a response carries. */
  redact: Redact;
  /** The only origin that gets `authorization`, e.g. `https://example.signalwire.com`. */
  origin: string;
  /** The `Authorization` header value. */
  authorization: string;
  /** The `User-Agent` header value. */
  userAgent: string;
  /** The most bytes of one answer's body the client reads. */
  maxResponseBytes: number;
}

/**
 * The header that numbers each attempt (1, 2, …), so servers and their logs can see retries.
 *
 * @example
 * ```ts
 * server.requests.map((request) => request.headers[ATTEMPT_HEADER]); // ["1", "2", "3"]
 * ```
 */
export const ATTEMPT_HEADER = "x-attempt";

/**
 * Wraps `fetch` with per-attempt timeouts, same-origin redirects, retries and bodies read whole
 * (within `maxResponseBytes`). The loop lives here; each decision (retry or not, how long to
 * wait) is a pure function in `retry-policy.ts`. Errors of the client's own family
 * (`RedirectError`, `ResponseTooLargeError`) are final answers, never retried.
 */
export function retryingFetch(settings: RetrySettings): (request: Request) => Promise<Response> {
  const { redact } = settings;
  return async (request) => {
    const parents = [settings.signal, request.signal];
    request.headers.set("user-agent", settings.userAgent);
    for (let attempt = 1; ; attempt++) {
      // Each attempt has its own clock, started now, linked to the caller's signals.
      const link = linkSignal(parents, settings.timeoutMs);
      let answer: Response | undefined;
      let read: [text: string, bytes: number, json: unknown] | undefined;
      let error: NetworkError | TimeoutError | undefined;
      let sent = false;
      try {
        // An abort before the attempt (or during the wait before it) sends nothing.
        link.signal.throwIfAborted();
        request.headers.set(ATTEMPT_HEADER, `${attempt}`);
        sent = true;
        answer = await followRedirects(request, settings, link);
        // The whole body, read inside the attempt: a body cut short fails it, and its clock
        // covers the body.
        const [text, bytes] = await readBody(answer, settings.maxResponseBytes, link.aborted, redact);
        // Every success of this API is JSON, whatever its Content-Type says. One that does not
        // parse was cut short or mangled on the way: a network failure like a truncated body.
        read = [text, bytes, answer.ok && text ? JSON.parse(text) : undefined];
      } catch (thrown) {
        // The client's own refusals (a redirect elsewhere, a body too large) are final answers.
        if (isOwnError(thrown)) throw thrown;
        const what = `${request.method} ${redact(request.url)}`;
        const attempts = sent ? attempt : attempt - 1;
        // The caller's abort ends everything, with its reason as cause; it is never retried. A
        // caller's `AbortSignal.timeout()` is a timeout all the same.
        const parent = parents.find((signal) => signal?.aborted);
        if (parent?.reason?.name === "TimeoutError") {
          throw new TimeoutError(`${what} timed out: the caller's signal fired.`, {
            timeoutMs: undefined,
            attempts,
          });
        }
        if (parent) throw new AbortError(`${what} was aborted.`, {}, { cause: parent.reason });
        const at = `${what} (attempt ${attempt})`;
        const { timeoutMs } = settings;
        const cause = safeCause(thrown, redact);
        // The link aborted and no parent did: the clock did. Otherwise a network failure, named
        // after its innermost cause (`connect ECONNREFUSED …`).
        error = link.signal.aborted
          ? new TimeoutError(`${at} timed out after timeoutMs (${timeoutMs} ms).`, { timeoutMs, attempts })
          : new NetworkError(
              `${at} failed: ${cause.message}${cause.code ? ` (${cause.code})` : ""}. Check baseUrl and the network.`,
              { attempts },
              { cause },
            );
        // A bad port or URL fails the same way every time.
        if (isPermanent(cause)) throw error;
      } finally {
        link.release();
      }
      // An answer whose body failed is no answer: the failure decides.
      const response = read && answer;
      const status = response?.status;
      const retryAfterMs = parseRetryAfter(response?.headers.get("retry-after"));
      const delayMs = retryDelay(
        request.method,
        attempt,
        settings.maxRetries,
        status,
        retryAfterMs,
        settings.backoff,
      );
      if (delayMs === undefined) {
        if (error) throw error;
        // Only the answer handed back is redacted: an error body may be megabytes.
        const [text, bytes, json] = read as NonNullable<typeof read>;
        return bufferedResponse(response as Response, text, json, bytes, redact);
      }
      settings.onRetry?.({ attempt, delayMs, status, error });
      // Every wait is abortable: an abort ends it early, and the next attempt reports it.
      const wait = linkSignal(parents, delayMs);
      await wait.aborted.catch(wait.release);
    }
  };
}
