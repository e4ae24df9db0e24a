import { VoiceError } from "./voice-error.js";

/**
 * The caller's `signal` aborted the request, during an attempt or while waiting to retry. Its
 * `name` is `"AbortError"`, like the platform's, so existing `error.name === "AbortError"` checks
 * keep working; `cause` is the signal's `reason`.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * setTimeout(() => controller.abort(), 1_000);
 * try {
 *   await client.GET("/logs", { signal: controller.signal });
 * } catch (error) {
 *   if (error instanceof AbortError) return; // we cancelled it
 *   throw error;
 * }
 * ```
 */
export class AbortError extends VoiceError {
  protected static override readonly brand = "AbortError";
}
