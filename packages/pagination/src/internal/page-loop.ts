import { MaxPagesError } from "../errors/max-pages-error.js";
import { PaginationLoopError } from "../errors/pagination-loop-error.js";
import { endedCursor, type PageRequest } from "./cursor.js";
import { shown } from "./shown.js";

/** A page, and the request for the page after it (none after the last). */
export type Fetched<P> = [page: P, next?: PageRequest | undefined];

/**
 * The one loop of every walk. It fetches page after page, each from the request the page before
 * named, and keeps the rules that end a walk: no request seen before, no more than `maxPages`,
 * nothing left running when the caller stops early (its in-flight request is aborted). Up to
 * `prefetch` pages are fetched ahead while the caller handles one: 1 + prefetch held at most.
 * Any failure carries the `cursor` of the page that failed. Options come checked by `paginate()`.
 *
 * It also gives each page its cursor: the next request's; on the last page, an end cursor;
 * on a page whose next request was seen before, a loop cursor. That page is still handed over,
 * since its items are new to the caller, as the last; then, where the walk would follow the
 * link, `PaginationLoopError` with the same loop cursor. Resuming from an end cursor sends
 * nothing and yields nothing; from a loop cursor, it sends nothing and throws the loop again:
 * no cursor a walk gives leads to a page handed over before.
 *
 * @example
 * for await (const page of pageLoop(first, fetchPage, 1, undefined, signal)) use(page);
 */
export async function* pageLoop<P extends { cursor: string }>(
  first: PageRequest,
  fetchPage: (request: PageRequest, signal: AbortSignal) => Promise<Fetched<P>>,
  prefetch: number,
  maxPages?: number,
  signal?: AbortSignal,
): AsyncGenerator<P, void, undefined> {
  if (first.ended === "end") return;
  if (first.ended === "loop") {
    const cursor = first.cursor as string;
    throw new PaginationLoopError(
      `paginate: cursor ${shown(cursor)} marks a walk that stopped at a loop; nothing sent. Start a new walk without a cursor.`,
      { cursor },
    );
  }
  const stop = new AbortController();
  // The caller's signal, if any, and ours.
  const linked = AbortSignal.any([stop.signal, signal ?? stop.signal]);
  // The key of every request of the walk, one short string a page: a cycle of any length is
  // caught at its first repeat. `maxPages` bounds it with the walk.
  const seen = new Set([first.key]);
  let started = 0;
  let looped: PaginationLoopError | undefined;
  const load = async (request: PageRequest | undefined): Promise<Fetched<P> | undefined> => {
    // After a stop, a fetch still starts but with an aborted signal: the client sends nothing.
    if (!request) return undefined;
    try {
      if (started++ === maxPages) {
        throw new MaxPagesError(`paginate: maxPages (${maxPages}) reached; resume from error.cursor.`, {
          maxPages,
        });
      }
      const [page, next] = await fetchPage(request, linked);
      if (!next) {
        page.cursor = endedCursor(request, "end");
        return [page];
      }
      if (!seen.has(next.key)) {
        seen.add(next.key);
        page.cursor = next.at;
        return [page, next];
      }
      // A link back into the walk: this page is its last, and the error is what comes after it.
      page.cursor = endedCursor(next, "loop");
      looped = new PaginationLoopError(`paginate: next link loops back to ${shown(next.at)}.`, {
        cursor: page.cursor,
      });
      return [page];
    } catch (error) {
      // Whatever failed, the client's errors included, tells where to resume: at this page.
      // (Unless it is a primitive or frozen: it is thrown all the same.)
      if (Object.isExtensible(error)) (error as { cursor?: string | undefined }).cursor = request.cursor;
      throw error;
    }
  };
  const queue: Promise<Fetched<P> | undefined>[] = [];
  let tail: Promise<Fetched<P> | undefined> | undefined;
  // A page's request is in the page before it, so each fetch waits for the one before.
  const ahead = () => {
    tail = tail ? tail.then((fetched) => load(fetched?.[1])) : load(first);
    // A failure surfaces when the caller reaches its page, never as an unhandled rejection first.
    tail.catch(() => {});
    queue.push(tail);
  };
  try {
    for (;;) {
      if (!queue.length) ahead();
      const fetched = await queue.shift();
      // The end: after the last page, or instead of following a link back into the walk.
      if (!fetched) {
        if (looped) throw looped;
        return;
      }
      while (queue.length < prefetch) ahead();
      yield fetched[0];
    }
  } finally {
    stop.abort();
  }
}
