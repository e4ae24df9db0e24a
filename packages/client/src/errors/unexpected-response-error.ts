import { VoiceError } from "./voice-error.js";

/**
 * The server answered with a success status, but not with what the API promises: an empty body
 * where JSON was due, a list page whose `data` is not a list, a 204 where a body was expected.
 * Not retried: the same request would get the same answer. `problem` says what was wrong.
 *
 * @example
 * ```ts
 * try {
 *   unwrap(await client.GET("/logs"));
 * } catch (error) {
 *   if (error instanceof UnexpectedResponseError) console.error(error.status, error.problem);
 * }
 * ```
 */
export class UnexpectedResponseError extends VoiceError {
  protected static override readonly brand = "UnexpectedResponseError";
  /** The HTTP status of the answer. */
  declare readonly status: number;
  /** The URL that answered, with any credential redacted. */
  declare readonly url: string;
  /** What was wrong with the answer, e.g. `"data is a string, expected a list"`. */
  declare readonly problem: string;
}
