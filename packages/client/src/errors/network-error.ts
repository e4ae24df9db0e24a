import { VoiceError } from "./voice-error.js";

/**
 * The request never got a complete answer: connection refused or reset, DNS failure, a body cut
 * short. Retried (idempotent requests only) before it is thrown. `cause` is a copy of the
 * underlying error with any credential redacted.
 *
 * @example
 * ```ts
 * try {
 *   await client.GET("/logs");
 * } catch (error) {
 *   if (error instanceof NetworkError) console.error(error.attempts, error.cause);
 * }
 * ```
 */
export class NetworkError extends VoiceError {
  protected static override readonly brand = "NetworkError";
  /** How many attempts were made, retries included. */
  declare readonly attempts: number;
}
