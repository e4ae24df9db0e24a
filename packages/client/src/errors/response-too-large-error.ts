import { VoiceError } from "./voice-error.js";

/**
 * An answer's body (decoded, as it streamed in) went past `maxResponseBytes`. The client stopped
 * reading at the limit, so the process never holds more than that of one answer. Not retried:
 * the same request would get the same answer.
 *
 * @example
 * ```ts
 * const client = createVoiceClient({ maxResponseBytes: 8 * 1024 * 1024 });
 * try {
 *   await client.GET("/logs");
 * } catch (error) {
 *   if (error instanceof ResponseTooLargeError) console.error(`over ${error.limitBytes} bytes`);
 * }
 * ```
 */
export class ResponseTooLargeError extends VoiceError {
  protected static override readonly brand = "ResponseTooLargeError";
  /** The limit that was passed: `maxResponseBytes`. */
  declare readonly limitBytes: number;
  /** The HTTP status of the answer. */
  declare readonly status: number;
}
