import { VoiceError } from "@signalwire-voice/client";

/**
 * The server sent a `next` link (or page token) the walk has already followed: walking on would
 * loop forever. A link that repeats the page's own is caught at once; a longer cycle within a
 * bounded number of pages (the walk remembers two cursors, not all of them, so memory stays flat).
 *
 * @example
 * ```ts
 * try {
 *   await paginate(client, "/logs").toArray();
 * } catch (error) {
 *   if (error instanceof PaginationLoopError) reportServerBug(error.message, error.cursor);
 * }
 * ```
 */
export class PaginationLoopError extends VoiceError {
  override name = "PaginationLoopError";
  /** Where to resume: `paginate(client, path, { cursor })` (`undefined`: from the start). */
  declare readonly cursor: string | undefined;
}
