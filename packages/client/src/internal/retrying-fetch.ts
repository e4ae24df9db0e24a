import { AbortError } from "../errors/abort-error.js";
import { NetworkError } from "../errors/network-error.js";
import { TimeoutError } from "../errors/timeout-error.js";
import type { BackoffSettings } from "./backoff.js";
import { redact, safeCause } from "./redact.js";
import { parseRetryAfter } from "./retry-after.js";
import { retryDelay } from "./retry-policy.js";
import { linkSignal } from "./timeout.js";

/**
 * A fetch, called as `fetch(request, { signal })`: `signal` is the attempt's (the caller's signals
 * and the attempt's timeout), so a custom fetch should pass it on. Every attempt gets the same
 * `request`, its headers updated (`X-Attempt`): copy it if you keep it. `globalThis.fetch` fits.
 *
 * @example
 * ```ts
 * const logged: FetchFunction = (request, init) => {
 *   console.log(request.method, request.url, request.headers.get("x-attempt"));
 *   return fetch(request, init);
 * };
 * const client = createVoiceClient({ fetch: logged });
 * ```
 */
export type FetchFunction = (request: Request, init: { signal: AbortSignal }) => Promise<Response>;

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
  /** What no error may contain: the token and the Basic credentials (`secretPattern`). */
  secrets: RegExp;
  /** The only origin that gets `authorization`, e.g. `https://example.signalwire.com`. */
  origin: string;
  /** The `Authorization` header value. */
  authorization: string;
  /** The `User-Agent` header value. */
  userAgent: string;
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
 * Wraps `fetch` with per-attempt timeouts, retries and buffered bodies. The loop lives here;
 * each decision (retry or not, how long to wait) is a pure function in `retry-policy.ts`.
 */
export function retryingFetch(settings: RetrySettings): (request: Request) => Promise<Response> {
  return async (request) => {
    const parents = [settings.signal, request.signal];
    const what = `${request.method} ${request.url}`;
    for (let attempt = 1; ; attempt++) {
      // Each attempt has its own clock, started now, linked to the caller's signals.
      const link = linkSignal(parents, settings.timeoutMs);
      let response: Response | undefined;
      let error: NetworkError | TimeoutError | undefined;
      try {
        // An abort before the attempt (or during the wait before it) sends nothing.
        link.signal.throwIfAborted();
        // The attempt's signal goes in `init`: a second Request per attempt costs ~20 µs, and
        // fetch makes its own anyway. A body can be read only once, so a retry gets a clone.
        const { headers } = request;
        headers.set(ATTEMPT_HEADER, `${attempt}`);
        headers.set("user-agent", settings.userAgent);
        // Credentials go to the configured origin only, never to a per-request baseUrl elsewhere.
        // The slash keeps `https://example.signalwire.com.evil.example` out. (Redirects are the
        // fetch's job: the Fetch standard drops Authorization on a cross-origin redirect.)
        if (request.url.startsWith(`${settings.origin}/`))
          headers.set("authorization", settings.authorization);
        // The race keeps the clock even for a fetch (or a body) that ignores its signal.
        const answer = await Promise.race([
          settings.fetch(request.body ? request.clone() : request, { signal: link.signal }),
          link.aborted,
        ]);
        // The whole body, read inside the attempt: a body cut short fails it, and its clock
        // covers the body.
        const text = await Promise.race([answer.text(), link.aborted]);
        // Every success of this API is JSON, whatever its Content-Type says. One that does not
        // parse was cut short or mangled on the way: a network failure like a truncated body.
        const json = answer.ok && text ? JSON.parse(text) : undefined;
        // A server that echoes requests must not smuggle credentials into an ApiError's body.
        const body = answer.ok ? text : redact(text, settings.secrets);
        // A fresh Response holding what was read: clone(), body, arrayBuffer() and blob() work
        // as on any Response, in middleware and after the call. The answer is its own init
        // (status, statusText, headers); no body for an empty one (a 204 or 304 may have none).
        response = Object.defineProperties(new Response(body || null, answer), {
          // A constructed Response has no URL: the answer's, for error messages and link checks.
          url: { value: answer.url },
          // What was read, without touching the stream: openapi-fetch neither reads nor parses a
          // success twice (`json()` is its `data`), and the caller can read the body afterwards.
          text: { value: async () => body },
          json: { value: async () => json ?? JSON.parse(body) },
        });
      } catch (thrown) {
        // The caller's abort ends everything, with its reason as cause; it is never retried.
        const parent = parents.find((signal) => signal?.aborted);
        if (parent) throw new AbortError(`${what} was aborted.`, {}, { cause: parent.reason });
        const at = `${what} (attempt ${attempt})`;
        const { timeoutMs } = settings;
        const cause = safeCause(thrown, settings.secrets);
        // The link aborted and no parent did: the clock did. Otherwise a network failure, named
        // after its innermost cause (`connect ECONNREFUSED …`).
        error = link.signal.aborted
          ? new TimeoutError(`${at} timed out after timeoutMs (${timeoutMs} ms).`, {
              timeoutMs,
              attempts: attempt,
            })
          : new NetworkError(
              `${at} failed: ${cause.message}${cause.code ? ` (${cause.code})` : ""}. Check baseUrl and the network.`,
              { attempts: attempt },
              { cause },
            );
      } finally {
        link.release();
      }
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
        return response as Response;
      }
      settings.onRetry?.({ attempt, delayMs, status, error });
      // Every wait is abortable: an abort ends it early, and the next attempt reports it.
      const wait = linkSignal(parents, delayMs);
      await wait.aborted.catch(wait.release);
    }
  };
}
