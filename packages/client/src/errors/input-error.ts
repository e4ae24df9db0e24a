import { VoiceError } from "./voice-error.js";

/**
 * An option of `createVoiceClient()` or a query parameter is missing or malformed. Thrown before
 * any request is sent; the message names the option, what was expected and how to set it.
 *
 * @example
 * ```ts
 * try {
 *   await client.GET("/logs", { params: { query: { page_size: 5000 } } });
 * } catch (error) {
 *   if (error instanceof InputError) console.error(error.field, error.message);
 *   // "query.page_size", "Bad query.page_size: expected an integer from 1 to 1000, got 5000. Nothing was sent."
 * }
 * ```
 */
export class InputError extends VoiceError {
  protected static override readonly brand = "InputError";
  /** The option (`"space"`, `"timeoutMs"`…) or query parameter (`"query.page_size"`) at fault. */
  declare readonly field: string;
}
