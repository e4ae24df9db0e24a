import { VoiceError } from "@signalwire-voice/client";

/**
 * The server sent a `next` link (or page token) the walk has already followed: walking on would
 * hand pages over again, and loop forever. It is caught at its first repeat, whatever the
 * cycle's length. The page that carries the link is handed over first, as the last one; this
 * error comes where the walk would follow the link. The message shows where it pointed.
 *
 * Its `cursor`, like that page's, is a loop cursor (it ends in `#loop`): resuming from it sends
 * nothing and throws this error again, so a job that saved it never walks a page twice. To walk
 * the list again once the server is fixed, start a new walk: pass no cursor.
 *
 * @example
 * ```ts
 * try {
 *   for await (const page of paginate(client, "/logs").pages()) await db.insertMany(page.items);
 * } catch (error) {
 *   if (error instanceof PaginationLoopError) reportServerBug(error.message); // every page got was handed over
 *   else throw error;
 * }
 * ```
 */
export class PaginationLoopError extends VoiceError {
  override name = "PaginationLoopError";
  /** A loop cursor: resuming from it sends nothing and throws `PaginationLoopError` again. */
  declare readonly cursor: string;
}
