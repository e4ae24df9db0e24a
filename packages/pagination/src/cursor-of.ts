/**
 * The cursor a walk's error carries: where to resume, or `undefined` if the error did not come
 * from a walk. Every error thrown mid-walk has one — the client's (`ApiError`, `NetworkError`,
 * `TimeoutError`, `AbortError`…) as well as pagination's own — naming the page that failed.
 *
 * @example
 * ```ts
 * try {
 *   for await (const log of paginate(client, "/logs", { cursor: await loadCursor() })) await save(log);
 * } catch (error) {
 *   const cursor = cursorOf(error);
 *   if (cursor) await saveCursor(cursor); // the next run resumes at the page that failed
 *   throw error;
 * }
 * ```
 */
export function cursorOf(error: unknown): string | undefined {
  return (error as { cursor?: string } | undefined)?.cursor;
}
