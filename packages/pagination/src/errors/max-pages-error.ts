import { VoiceError } from "@signalwire-voice/client";

/**
 * The walk fetched `maxPages` pages and the server says there are more. Every item of those
 * pages has been handed over; `cursor` is the first page not fetched, so a later walk can carry on
 * from exactly there.
 *
 * @example
 * ```ts
 * try {
 *   for await (const page of paginate(client, "/logs", { maxPages: 10, cursor: await db.loadCursor() }).pages()) {
 *     await db.transaction(async (tx) => {
 *       await tx.insertLogs(page.items);
 *       await tx.saveCursor(page.cursor);
 *     });
 *   }
 * } catch (error) {
 *   // Its cursor is the last one saved: the next run's batch starts at the first page not fetched.
 *   if (!(error instanceof MaxPagesError)) throw error;
 * }
 * ```
 */
export class MaxPagesError extends VoiceError {
  override name = "MaxPagesError";
  /** Where to resume: `paginate(client, path, { cursor })` (`undefined`: from the start). */
  declare readonly cursor: string | undefined;
  /** The limit that was reached. */
  declare readonly maxPages: number;
}
