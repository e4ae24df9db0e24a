import { VoiceError } from "./voice-error.js";

/**
 * The last attempt took longer than `timeoutMs` (each attempt has its own clock), or the caller's
 * `signal` timed out (`AbortSignal.timeout()`). Distinct from `AbortError`: a timeout is a clock
 * running out, an abort is the caller's decision.
 *
 * @example
 * ```ts
 * const client = createVoiceClient({ timeoutMs: 5_000 });
 * try {
 *   await client.GET("/logs");
 * } catch (error) {
 *   if (error instanceof TimeoutError) console.error(`gave up after ${error.attempts} × ${error.timeoutMs} ms`);
 * }
 * ```
 */
export class TimeoutError extends VoiceError {
  protected static override readonly brand = "TimeoutError";
  /**
   * The per-attempt limit that was hit; `undefined` when the caller's own signal timed out
   * (`signal: AbortSignal.timeout(…)`), whose limit the client does not know.
   */
  declare readonly timeoutMs: number | undefined;
  /** How many attempts were made, retries included. */
  declare readonly attempts: number;
}
