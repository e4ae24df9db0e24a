import type { ListBody } from "./list-path.js";

/**
 * One page of a walk, as `pages()` hands it over.
 *
 * @example
 * ```ts
 * for await (const page of paginate(client, "/logs").pages()) {
 *   // One transaction: after a crash, both are saved or neither, and no page is stored twice.
 *   await db.transaction(async (tx) => {
 *     await tx.insertLogs(page.items);
 *     await tx.saveCursor(page.cursor);
 *   });
 * }
 * ```
 */
export interface Page<T, Links = ListBody["links"]> {
  /** The page's items (its `data`), in the server's order. */
  readonly items: T[];
  /** The page's `links`, as the server sent them. Pagination follows `next` only through its query. */
  readonly links: Links;
  /**
   * Where the walk goes on after this page: save it, and `paginate(client, path, { cursor })`
   * later carries on with no item twice and none skipped. On the last page, an end cursor
   * (`…#end`): resuming from it sends nothing and yields nothing. On a page whose `next` link
   * loops back into the walk, a loop cursor (`…#loop`): `PaginationLoopError` comes after the
   * page, and resuming throws it again. `cursorState()` tells them apart.
   */
  readonly cursor: string;
}

/**
 * Options of `toArray()`.
 *
 * @example
 * ```ts
 * const newest: ToArrayOptions = { limit: 1500 };
 * ```
 */
export interface ToArrayOptions {
  /**
   * At most this many items; no page past the one that reaches it is fetched, and for 0 none at
   * all. Default: all.
   */
  limit?: number | undefined;
}

/**
 * What `paginate()` returns: nothing is sent until it is iterated, and each iteration is a new
 * walk from the start (or the cursor).
 *
 * @example
 * ```ts
 * const logs = paginate(client, "/logs", { query: { created_on: "2026-01-15" } });
 * for await (const log of logs) console.log(log.id); // every item; `break` sends nothing more
 * for await (const page of logs.pages()) console.log(page.items.length, page.cursor);
 * const first1500 = await logs.toArray({ limit: 1500 }); // 2 requests of 1000
 * ```
 */
export interface Paginated<T, Links = ListBody["links"]> extends AsyncIterable<T> {
  /** The pages, one at a time, each with its items, links and the cursor of the page after it. */
  pages(): AsyncGenerator<Page<T, Links>, void, undefined>;
  /** Collects the items, up to `limit`, fetching no page it does not need. */
  toArray(options?: ToArrayOptions): Promise<T[]>;
}
