import { endedBy } from "./internal/cursor.js";

/**
 * What a saved cursor says about its walk, as {@link cursorState} tells it.
 *
 * - `"start"`: no cursor (`undefined` or `""`): a walk from the first page.
 * - `"more"`: a page to resume at.
 * - `"end"`: the walk is done; resuming sends nothing and yields nothing.
 * - `"loop"`: the walk stopped at a server loop; resuming sends nothing and throws
 *   `PaginationLoopError` again. Pass no cursor to start over.
 *
 * @example
 * ```ts
 * const state: CursorState = cursorState(await loadCursor());
 * ```
 */
export type CursorState = "start" | "more" | "end" | "loop";

/**
 * Tells apart the cursors a walk leaves, all of which can be saved and passed back as they are:
 * none (start), a page's (more to walk), the last page's (done) and a loop's (stopped). It does
 * not check that the cursor is valid: `paginate()` does.
 *
 * @example
 * ```ts
 * let saved = await loadCursor();
 * if (cursorState(saved) === "end") saved = undefined; // a new walk from the first page
 * for await (const page of paginate(client, "/logs", { cursor: saved }).pages()) {
 *   await db.transaction(async (tx) => {
 *     await tx.upsertLogs(page.items);
 *     await tx.saveCursor(page.cursor);
 *   });
 * }
 * ```
 */
export function cursorState(cursor: string | undefined): CursorState {
  return cursor ? (endedBy(`${cursor}`) ?? "more") : "start";
}
