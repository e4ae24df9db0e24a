/** How long to wait between attempts when the server does not say. */
export interface BackoffSettings {
  /** The wait before the first retry, before jitter. */
  initialDelayMs: number;
  /** The longest wait, before jitter. */
  maxDelayMs: number;
  /** A number in [0, 1): `Math.random` unless a test injects one. */
  random: () => number;
}

/**
 * The wait before attempt `attempt + 1` after attempt `attempt` (1-based) failed.
 *
 * @example backoffDelay(1, { initialDelayMs: 500, maxDelayMs: 8000, random: () => 0.5 }) // 375
 */
export function backoffDelay(
  attempt: number,
  { initialDelayMs, maxDelayMs, random }: BackoffSettings,
): number {
  // Doubles each time, so a struggling server gets exponentially more room.
  const exponential = initialDelayMs * 2 ** (attempt - 1);
  // Capped, so a long retry chain never sleeps for minutes.
  const capped = Math.min(exponential, maxDelayMs);
  // Half fixed, half random ("equal jitter"): clients that failed together do not retry together.
  return Math.round(capped / 2 + (capped / 2) * random());
}
