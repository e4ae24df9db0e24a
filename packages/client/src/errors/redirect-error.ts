import { VoiceError } from "./voice-error.js";

/**
 * The server redirected the request somewhere the client does not follow: to another origin
 * (scheme, host or port: the other host receives nothing), in a loop, or more than 20 times.
 * Redirects within the request's own origin are followed. Not retried.
 *
 * @example
 * ```ts
 * try {
 *   await client.GET("/logs");
 * } catch (error) {
 *   if (error instanceof RedirectError) console.error(error.status, error.location);
 * }
 * ```
 */
export class RedirectError extends VoiceError {
  protected static override readonly brand = "RedirectError";
  /** The status of the redirect (301, 302, 303, 307 or 308). */
  declare readonly status: number;
  /** Where it pointed: origin and path only, never its query. */
  declare readonly location: string;
}
