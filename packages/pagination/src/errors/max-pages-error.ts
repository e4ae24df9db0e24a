import { VoiceError } from "@signalwire-voice/client";

/**
 * The walk fetched `maxPages` pages and the server says there are more. Every item of those
 * pages has been handed over; `cursor` is the first page not fetched, so a later walk can carry on
 * from exactly there.
 *
 * @example
 * ```ts
 * try {
 *   for await (const log of paginate(client, "/logs", { maxPages: 10, cursor: saved })) await save(log);
 *   saved = undefined; // done
 * } catch (error) {
 *   if (error instanceof MaxPagesError) saved = error.cursor; // next batch, next run
 *   else throw error;
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
