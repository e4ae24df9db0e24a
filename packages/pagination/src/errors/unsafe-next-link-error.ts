import { VoiceError } from "@signalwire-voice/client";

/**
 * A page's `next` link points somewhere other than the page itself came from: another origin
 * (scheme, host or port), a URL with a user or password in it, or another path; or it is longer
 * than 16 KiB (16 384 characters), far past any real link. Nothing is sent
 * for it — pagination only ever asks the client's own base URL, with the link's query — and the
 * walk stops here, since the server is not answering as expected. `cursor` refetches the page
 * whose link was refused.
 *
 * @example
 * ```ts
 * try {
 *   await paginate(client, "/logs").toArray();
 * } catch (error) {
 *   if (error instanceof UnsafeNextLinkError) console.error(error.link, "is not under", error.expected);
 * }
 * ```
 */
export class UnsafeNextLinkError extends VoiceError {
  override name = "UnsafeNextLinkError";
  /** Where to resume: `paginate(client, path, { cursor })` (`undefined`: from the start). */
  declare readonly cursor: string | undefined;
  /** The refused link's origin and path (never a user or password it had), at most 200 characters of them. */
  declare readonly link: string;
  /** The origin and path a `next` link must have: those of the request that fetched the page. */
  declare readonly expected: string;
}
