import type { ListBody } from "./list-path.js";

/**
 * One page of a walk, as `pages()` hands it over.
 *
 * @example
 * ```ts
 * for await (const page of paginate(client, "/logs").pages()) {
 *   await db.insertMany(page.items);
 *   await db.saveCursor(page.cursor); // undefined after the last page
 * }
 * ```
 */
export interface Page<T, Links = ListBody["links"]> {
  /** The page's items (its `data`), in the server's order. */
  readonly items: T[];
  /** The page's `links`, as the server sent them. Pagination follows `next` only through its query. */
  readonly links: Links;
  /**
   * Where the page after this one starts: save it, and `paginate(client, path, { cursor })` later
   * carries on with no item twice and none skipped. `undefined` on the last page, and on a page
   * whose `next` link loops back into the walk (`PaginationLoopError` comes after it).
   */
  readonly cursor: string | undefined;
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
