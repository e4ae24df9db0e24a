/**
 * The cursor a walk's error carries: the page that failed, to resume from. Every error thrown
 * mid-walk has one — the client's (`ApiError`, `NetworkError`, `TimeoutError`, `AbortError`…) as
 * well as pagination's own — and it is the cursor of the last page handed over. `undefined` when
 * the error did not come from a walk, or came from the first page of a walk started without a
 * cursor: resuming with `undefined` starts again, as needed. For `PaginationLoopError`, a loop
 * cursor: resuming from it sends nothing and throws the loop again.
 *
 * @example
 * ```ts
 * try {
 *   for await (const log of paginate(client, "/logs", { cursor: await loadCursor() })) await save(log);
 * } catch (error) {
 *   await saveCursor(cursorOf(error)); // the next run resumes at the page that failed
 *   throw error;
 * }
 * ```
 */
export function cursorOf(error: unknown): string | undefined {
  return (error as { cursor?: string } | undefined)?.cursor;
}
