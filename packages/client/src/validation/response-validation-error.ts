import { VoiceError } from "../errors/voice-error.js";

/**
 * An answer that breaks the spec, found by `validateResponses("throw")` (and reported, not
 * thrown, by `"warn"`). Not retried: the same request would get the same answer. For an error
 * status (a 404 whose body breaks the spec), `cause` is the `ApiError` the answer makes. Like
 * every error of this package, it never holds the API token or the `Authorization` header.
 *
 * @example
 * ```ts
 * try {
 *   await client.GET("/logs");
 * } catch (error) {
 *   if (error instanceof ResponseValidationError) console.error(error.operation, error.pointer, error.expected, error.logId);
 * }
 * ```
 */
export class ResponseValidationError extends VoiceError {
  protected static override readonly brand = "ResponseValidationError";
  /** The operation, as method and path template: `"GET /logs/{id}"`. */
  declare readonly operation: string;
  /** The spec's operationId: `"get_voice_log"`. */
  declare readonly operationId: string;
  /** The HTTP status of the answer. */
  declare readonly status: number;
  /** The URL that answered, with any credential redacted. */
  declare readonly url: string;
  /** Where in the body, as a JSON pointer: `"/data/3/created_at"` (`""` is the whole body). */
  declare readonly pointer: string;
  /** The JSON Schema keyword that failed: `"format"`, `"required"`, `"enum"`… */
  declare readonly keyword: string;
  /** What the spec expected there: `'must match format "date-time"'`. */
  declare readonly expected: string;
  /**
   * What was there, in at most 60 characters: JSON for a string, number, boolean or null, the
   * size of a list or an object (`undefined` where something was missing).
   */
  declare readonly received: string | undefined;
  /** The `id` (or `log_id`) of the log the value belongs to, when there is one. */
  declare readonly logId: string | undefined;
}
