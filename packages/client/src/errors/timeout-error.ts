import { VoiceError } from "./voice-error.js";

/**
 * The last attempt took longer than `timeoutMs` (each attempt has its own clock). Distinct from
 * `AbortError`: a timeout is the client giving up, an abort is the caller's decision.
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
  /** The per-attempt limit that was hit. */
  declare readonly timeoutMs: number;
  /** How many attempts were made, retries included. */
  declare readonly attempts: number;
}
