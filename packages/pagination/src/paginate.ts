import { createApiError, InputError } from "@signalwire-voice/client";
import { fromCursor, type PageRequest } from "./internal/cursor.js";
import { nextRequest } from "./internal/next-request.js";
import { type Fetched, pageLoop } from "./internal/page-loop.js";
import type { ListBody, ListClient, ListFilters, ListItem, ListLinks, ListPath } from "./list-path.js";
import type { Page, Paginated } from "./paginated.js";

/**
 * Options of `paginate()`.
 *
 * @example
 * ```ts
 * const options: PaginateOptions<ListFilters<VoiceClient, "/logs">> = {
 *   query: { created_after: new Date("2026-01-01") },
 *   prefetch: 1,
 *   signal: AbortSignal.timeout(60_000),
 * };
 * ```
 */
export interface PaginateOptions<Filters = Record<string, unknown>> {
  /** The path's filters: its query without `page_size`, `page_number` and `page_token`. */
  query?: Filters | undefined;
  /** Items per page. Default 1000, the API's maximum: the fewest round trips. Checked by the client. */
  pageSize?: number | undefined;
  /** Fetch at most this many pages; if there are more, `MaxPagesError` (with a cursor). Default: no limit. */
  maxPages?: number | undefined;
  /** Stops the walk: the request in flight is aborted and the client's `AbortError` thrown. */
  signal?: AbortSignal | undefined;
  /**
   * Pages fetched ahead while the caller handles one (1 + prefetch held at most). Default 0: none.
   * `toArray()` fetches one at a time: it does no work between pages for a fetch ahead to overlap.
   */
  prefetch?: number | undefined;
  /**
   * Resume where a page's or an error's `cursor` left off. It carries the query and page size
   * of the walk that made it, which win over `query` and `pageSize`.
   */
  cursor?: string | undefined;
}

type Get = (path: string, init: object) => Promise<{ data?: ListBody; error?: unknown; response: Response }>;

/**
 * Walks every page of a list: any path of an openapi-fetch client whose 200 body is
 * `{ links: { next? }, data: T[] }`, with items typed from the path. Each next request is rebuilt
 * from the `next` link's query and sent by the client to its own base URL; a link elsewhere is
 * refused (`UnsafeNextLinkError`), a loop stopped (`PaginationLoopError`). Retries are the
 * client's. Every error thrown mid-walk carries the `cursor` to resume from.
 *
 * @example
 * ```ts
 * import { createVoiceClient } from "@signalwire-voice/client";
 * import { paginate } from "@signalwire-voice/pagination";
 *
 * const client = createVoiceClient();
 * for await (const log of paginate(client, "/logs", { query: { created_after: "2026-01-01" } })) {
 *   console.log(log.id, log.created_at); // log: VoiceLog
 * }
 * ```
 */
export function paginate<C extends ListClient, P extends ListPath<C>>(
  client: C,
  path: P,
  options: PaginateOptions<ListFilters<C, P>> = {},
): Paginated<ListItem<C, P>, ListLinks<C, P>> {
  const { query, pageSize = 1000, maxPages, signal, prefetch = 0, cursor } = options;
  check("prefetch", prefetch, 0);
  check("maxPages", maxPages ?? 1, 1);
  const first: PageRequest = cursor ? fromCursor(cursor, path) : { query: { ...query, page_size: pageSize } };
  const get = client.GET as unknown as Get;
  const fetchPage = async (request: PageRequest, signal: AbortSignal): Promise<Fetched<Page<unknown>>> => {
    let sent = "";
    const { data, error, response } = await get(path, {
      params: { query: request.query },
      signal,
      // The URL the client built from its own base URL: where every next link must point too.
      // (`response.url` is the fallback, for clients that run no middleware.)
      middleware: [
        {
          onRequest(event: { request: Request }) {
            sent = event.request.url;
          },
        },
      ],
    });
    // An error status (or an empty success) comes without `data`.
    if (!data) throw createApiError(response, error);
    const { links } = data;
    const next = links.next ? nextRequest(path, links.next, sent || response.url) : undefined;
    return [{ items: data.data, links, cursor: next?.cursor }, next];
  };
  // `ahead`: the walk's prefetch; toArray's is 0 (see there).
  const walk = (ahead: number) => pageLoop(first, fetchPage, ahead, maxPages, signal);
  return {
    pages: () => walk(prefetch),
    async *[Symbol.asyncIterator]() {
      // Not `yield*`: delegating to an array's iterator costs about twice as much per item.
      for await (const page of walk(prefetch)) for (const item of page.items) yield item;
    },
    async toArray({ limit } = {}) {
      check("limit", limit ?? 0, 0);
      const items: unknown[] = [];
      // One page at a time, whatever `prefetch`: there is no work between pages here for a fetch
      // ahead to overlap with, and stopping at the page that reaches the limit then leaves no
      // page past it fetched (nor, for a limit of 0, any page).
      if (limit !== 0) {
        for await (const page of walk(0)) if (items.push(...page.items) >= (limit ?? Infinity)) break;
      }
      return items.slice(0, limit);
    },
  } as Paginated<ListItem<C, P>, ListLinks<C, P>>;
}

/** An integer from `min` up, else `InputError` before anything is sent. */
function check(name: string, value: number, min: number): void {
  // NaN and Infinity fail too: neither is >= min with no fraction.
  if (!(value >= min && value % 1 === 0)) {
    throw new InputError(`paginate: ${name} must be an integer >= ${min}, got ${value}.`, {
      field: name,
    });
  }
}
