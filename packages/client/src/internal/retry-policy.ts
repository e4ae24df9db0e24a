import { type BackoffSettings, backoffDelay } from "./backoff.js";

/** The longest `Retry-After` honoured: a server asking for more gets its answer reported at once. */
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * How long to wait before attempt `attempt + 1`, or `undefined` to stop and report attempt
 * `attempt`'s outcome: its `status`, or `undefined` for a network error or a timeout.
 *
 * @example retryDelay("GET", 1, 2, 503, 1000, backoff) // 1000: the server's Retry-After
 */
export function retryDelay(
  method: string,
  attempt: number,
  maxRetries: number,
  status: number | undefined,
  retryAfterMs: number | undefined,
  backoff: BackoffSettings,
): number | undefined {
  // The budget is spent.
  if (attempt > maxRetries) return undefined;
  // Only idempotent methods (RFC 9110 §9.2.2): a repeated POST or PATCH could act twice.
  if (!/^(GET|HEAD|OPTIONS|PUT|DELETE|TRACE)$/.test(method)) return undefined;
  // Network errors and timeouts (no status) are transient, and so are these statuses: timeout,
  // rate limit, server faults. Any other status is a final answer.
  if (status && ![408, 429, 500, 502, 503, 504].includes(status)) return undefined;
  // Without Retry-After, our own backoff.
  if (retryAfterMs === undefined) return backoffDelay(attempt, backoff);
  // The server's estimate, unless it is longer than we wait: then report the answer now.
  return retryAfterMs > MAX_RETRY_AFTER_MS ? undefined : retryAfterMs;
}

/**
 * Whether a network failure (its innermost cause) fails the same way on every attempt: a port
 * fetch forbids, a scheme it does not speak, a URL it cannot parse. Retrying those only wastes
 * the backoff.
 *
 * @example isPermanent({ message: "bad port" }) // true
 */
export function isPermanent({ message, code }: { message: string; code?: string | undefined }): boolean {
  return code === "ERR_INVALID_URL" || /^(bad port|unknown scheme)$|^Failed to parse URL/.test(message);
}
