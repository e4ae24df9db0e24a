import { VoiceError } from "@signalwire-voice/client";

/**
 * The server sent a `next` link (or page token) the walk has already followed: walking on would
 * loop forever. A link that repeats the page's own is caught at once; a longer cycle within a
 * bounded number of pages (the walk remembers two cursors, not all of them, so memory stays flat).
 * The page that carries the link is handed over first, as the last one (its `cursor` undefined);
 * this error comes where the walk would follow the link. The message shows where it pointed.
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
  /**
   * Always `undefined` (an own property, as on every error of a walk): no page past the loop is
   * known, and any cursor the walk could give names a page already handed over, from which a
   * server that still loops would loop again. `undefined` is what a walk that ends leaves too.
   */
  readonly cursor: undefined;
}
