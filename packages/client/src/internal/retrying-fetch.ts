import { createApiError } from "../errors/create-api-error.js";
import { NetworkError } from "../errors/network-error.js";
import { TimeoutError } from "../errors/timeout-error.js";
import type { BackoffSettings } from "./backoff.js";
import { bufferedResponse } from "./buffered-response.js";
import { redact, safeCause } from "./redact.js";
import { parseRetryAfter } from "./retry-after.js";
import { retryDelay } from "./retry-policy.js";
import { abortError, linkSignal, sleep } from "./timeout.js";

/** A fetch as openapi-fetch calls it: one `Request` in, one `Response` out. */
export type FetchFunction = (request: Request) => Promise<Response>;

/** What `onRetry` is told before each wait. It holds no request, so it is safe to log whole. */
export interface RetryEvent {
  /** The attempt that failed, 1-based; the next one is `attempt + 1` (its `X-Attempt` header). */
  attempt: number;
  /** How long the client waits before the next attempt. */
  delayMs: number;
  /** The failed attempt's status, when it got an answer. */
  status?: number;
  /** The failed attempt's error, when it got no answer. */
  error?: NetworkError | TimeoutError;
}

/** The settings of `retryingFetch`, checked by `resolveOptions`. */
export interface RetrySettings {
  fetch: FetchFunction;
  maxRetries: number;
  timeoutMs: number;
  backoff: BackoffSettings;
  signal?: AbortSignal | undefined;
  onRetry?: ((event: RetryEvent) => void) | undefined;
  /** Strings no error may contain: the token and the Basic credentials. */
  secrets: readonly string[];
  /** The only origin that gets `authorization`, e.g. `https://example.signalwire.com`. */
  origin: string;
  /** The `Authorization` header value. */
  authorization: string;
  /** The `User-Agent` header value. */
  userAgent: string;
}

/** The header that numbers each attempt (1, 2, …), so servers and their logs can see retries. */
export const ATTEMPT_HEADER = "x-attempt";

/**
 * Wraps `fetch` with per-attempt timeouts, retries and buffered bodies. The loop lives here;
 * each decision (retry or not, how long to wait) is a pure function in `retry-policy.ts`.
 */
export function retryingFetch(settings: RetrySettings): FetchFunction {
  const { fetch, maxRetries, timeoutMs, backoff, onRetry, secrets, origin, authorization, userAgent } =
    settings;
  return async (request) => {
    const parents = [settings.signal, request.signal];
    const what = `${request.method} ${request.url}`;
    for (let attempt = 1; ; attempt++) {
      // Each attempt has its own clock, started now, linked to the caller's signals.
      const link = linkSignal(parents, timeoutMs);
      let read: [Response, string] | undefined;
      let error: NetworkError | TimeoutError | undefined;
      try {
        // An abort before the attempt sends nothing.
        link.signal.throwIfAborted();
        // The clock holds even for a fetch (or a body) that ignores its signal.
        const timeUp = new Promise<never>((_, reject) => link.signal.addEventListener("abort", reject));
        // A Request per attempt, for its own signal; a body can be read only once, so clone it.
        const attemptRequest = new Request(request.body ? request.clone() : request, { signal: link.signal });
        const { headers } = attemptRequest;
        headers.set(ATTEMPT_HEADER, `${attempt}`);
        headers.set("user-agent", userAgent);
        // Credentials go to the configured origin only, never to a per-request baseUrl elsewhere.
        // The slash keeps `https://example.signalwire.com.evil.example` out. (Redirects are the
        // fetch's job: the Fetch standard drops Authorization on a cross-origin redirect.)
        if (request.url.startsWith(`${origin}/`)) headers.set("authorization", authorization);
        const answer = await Promise.race([fetch(attemptRequest), timeUp]);
        // The whole body, read inside the attempt (so a body cut short fails it, and its clock
        // covers the body), from a clone: `answer` keeps the body, now buffered, and its URL.
        read = [answer, await Promise.race([answer.clone().text(), timeUp])];
      } catch (thrown) {
        // The caller's abort ends everything; it is never retried.
        const aborted = abortError(parents, what);
        if (aborted) throw aborted;
        const at = `${what} (attempt ${attempt})`;
        // The link aborted and no parent did: the clock did.
        error = link.signal.aborted
          ? new TimeoutError(`${at} timed out after timeoutMs (${timeoutMs} ms).`, {
              timeoutMs,
              attempts: attempt,
            })
          : failure(at, attempt, safeCause(thrown, secrets));
      } finally {
        link.release();
      }
      const response = read && buffer(...read, secrets);
      const status = response?.status;
      const retryAfterMs = parseRetryAfter(response?.headers.get("retry-after") ?? null, Date.now());
      const delayMs = retryDelay(request.method, attempt, maxRetries, status, retryAfterMs, backoff);
      if (delayMs === undefined) {
        if (error) throw error;
        return response as Response;
      }
      onRetry?.({ attempt, delayMs, ...(error ? { error } : { status: status as number }) });
      await sleep(delayMs, parents);
      // Every wait is abortable: an abort ends the wait early and is reported here.
      const aborted = abortError(parents, what);
      if (aborted) throw aborted;
    }
  };
}

/** A network failure, named after its innermost cause (`connect ECONNREFUSED …`). */
function failure(at: string, attempts: number, cause: Error & { code?: string }): NetworkError {
  const message = `${at} failed: ${cause.message}${cause.code ? ` (${cause.code})` : ""}. Check baseUrl and the network.`;
  return new NetworkError(message, { attempts }, { cause });
}

/** The answer, its body read: redacted if it is an error, parsed once if it is a success. */
function buffer(answer: Response, text: string, secrets: readonly string[]): Response {
  // A server that echoes requests must not smuggle credentials into an ApiError's body.
  if (!answer.ok) return bufferedResponse(answer, redact(text, secrets));
  // Every success of this API is JSON (or empty), whatever its Content-Type says.
  if (text) {
    try {
      // openapi-fetch calls `json()`: hand it this parse rather than parsing again.
      const json = JSON.parse(text);
      Object.defineProperty(answer, "json", { value: async () => json });
    } catch (syntaxError) {
      // A success with a broken body is a server fault that retrying would repeat. V8 quotes the
      // text in its message, so the cause is redacted like the body.
      throw createApiError(answer, redact(text, secrets), safeCause(syntaxError, secrets));
    }
  }
  return answer;
}
