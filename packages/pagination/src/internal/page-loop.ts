import { MaxPagesError } from "../errors/max-pages-error.js";
import { PaginationLoopError } from "../errors/pagination-loop-error.js";
import type { PageRequest } from "./cursor.js";
import { loopGuard } from "./loop-guard.js";

/** A page, and the request for the page after it (none after the last). */
export type Fetched<P> = [page: P, next?: PageRequest | undefined];

/**
 * The one loop of every walk. It fetches page after page, each from the request the page before
 * named, and keeps the rules that end a walk: no request seen before, no more than `maxPages`,
 * nothing left running when the caller stops early (its in-flight request is aborted). Up to
 * `prefetch` pages are fetched ahead while the caller handles one: 1 + prefetch held at most.
 * Any failure carries the `cursor` of the page that failed. Options come checked by `paginate()`.
 *
 * A page whose next request was seen before is still handed over, since its items are new to the
 * caller, but as the last page: with its `cursor` cleared. Then, where the walk would follow that
 * request, it throws `PaginationLoopError`, whose `cursor` is undefined too: every cursor the walk
 * could give there (the looping request's, this page's own) names a page already walked, and a
 * server that still loops would loop again from it.
 *
 * @example
 * for await (const page of pageLoop(first, fetchPage, 1, undefined, signal)) use(page);
 */
export async function* pageLoop<P extends { cursor?: string | undefined }>(
  first: PageRequest,
  fetchPage: (request: PageRequest, signal: AbortSignal) => Promise<Fetched<P>>,
  prefetch: number,
  maxPages?: number,
  signal?: AbortSignal,
): AsyncGenerator<P, void, undefined> {
  const stop = new AbortController();
  // The caller's signal, if any, and ours.
  const linked = AbortSignal.any([stop.signal, signal ?? stop.signal]);
  const seen = loopGuard(first.key);
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
      if (!next || !seen(next.key)) return [page, next];
      // A link back into the walk: this page is its last, and the error is what comes after it.
      page.cursor = undefined;
      looped = new PaginationLoopError(`paginate: next link loops back to ${next.cursor}.`);
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
