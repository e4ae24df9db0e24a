import { createApiError, InputError, redactorOf, UnexpectedResponseError } from "@signalwire-voice/client";
import { checkAgreement } from "./internal/agreement.js";
import { freshRequest, fromCursor, type PageRequest } from "./internal/cursor.js";
import { nextRequest } from "./internal/next-request.js";
import { bodyProblem } from "./internal/page-body.js";
import { type Fetched, pageLoop } from "./internal/page-loop.js";
import { fillPath } from "./internal/path-params.js";
import { scrub } from "./internal/scrub.js";
import { shown } from "./internal/shown.js";
import type {
  ListBody,
  ListClient,
  ListFilters,
  ListItem,
  ListLinks,
  ListPath,
  ListPathParams,
} from "./list-path.js";
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
export interface PaginateOptions<Filters = Record<string, unknown>, PathParams = never> {
  /**
   * The path's parameters, for a path like `/api/fabric/resources/{id}/addresses`: `{ id }`,
   * required for it (unless a cursor names them) and absent for a path without any. The client
   * fills them in (`params.path`), each within its own segment; the walk, its cursors and its
   * next links keep to that one path. A value that is not a string or number, is `""`, `.`
   * or `..`, or carries the client's credentials throws `InputError`.
   */
  path?: PathParams | undefined;
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
   * Resume where a page's or an error's `cursor` left off (`undefined`: from the start). It
   * carries the path parameters, query and page size of the walk that made it: `path`, `query`
   * and `pageSize` may be left out, and if given must say the same, or `InputError`. A last
   * page's cursor resumes a walk that is over: nothing is sent.
   */
  cursor?: string | undefined;
}

/**
 * What `paginate()` takes after the path: options with `path` for a path with path parameters
 * (or with a cursor, which names them); for one without, options with no `path`, or none.
 */
type PaginateArgs<C, P> = [ListPathParams<C, P>] extends [never]
  ? [options?: PaginateOptions<ListFilters<C, P>, never>]
  : [
      options: PaginateOptions<ListFilters<C, P>, ListPathParams<C, P>> &
        ({ path: ListPathParams<C, P> } | { cursor: string }),
    ];

type Options = PaginateOptions<Record<string, unknown>, Record<string, unknown>>;
type Get = (path: string, init: object) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/**
 * Walks every page of a list: any path of an openapi-fetch client whose 200 body is
 * `{ links: { next? }, data: T[] }`, with items typed from the path, and path parameters, if it
 * has any, filled in by the client. Each next request is rebuilt from the `next` link's query and
 * sent by the client to its own base URL and that same path; a link elsewhere (another id's
 * list included) is refused (`UnsafeNextLinkError`), a loop stopped (`PaginationLoopError`), a
 * success that is no list page reported (`UnexpectedResponseError`). Retries are the client's.
 * Every error thrown mid-walk carries the `cursor` to resume from.
 *
 * @example
 * ```ts
 * import { createVoiceClient } from "@signalwire-voice/client";
 * import { paginate } from "@signalwire-voice/pagination";
 * import createClient from "openapi-fetch";
 * import type { paths } from "./generated/signalwire-rest.js"; // openapi-typescript's output
 *
 * const client = createVoiceClient();
 * for await (const log of paginate(client, "/logs", { query: { created_after: "2026-01-01" } })) {
 *   console.log(log.id, log.created_at); // log: VoiceLog
 * }
 * // A path with parameters takes them as `path`, typed from the path and required by it.
 * const rest = createClient<paths>({ baseUrl: "https://example.signalwire.com" });
 * const addresses = paginate(rest, "/api/fabric/resources/{id}/addresses", { path: { id: resourceId } });
 * ```
 */
export function paginate<C extends ListClient, P extends ListPath<C>>(
  client: C,
  path: P,
  ...args: PaginateArgs<C, P>
): Paginated<ListItem<C, P>, ListLinks<C, P>> {
  const options: Options = (args as [Options?])[0] ?? {};
  const { path: params, query, pageSize, maxPages, signal, prefetch = 0, cursor } = options;
  check("prefetch", prefetch, 0);
  check("maxPages", maxPages ?? 1, 1);
  // The client's redaction (none for a client that is not ours): what pagination's errors show
  // passes through it, and a next link that carries a credential is refused.
  const redact = redactorOf(client);
  let first: PageRequest;
  try {
    if (cursor) {
      first = fromCursor(cursor, path, redact);
      checkAgreement(first, query, pageSize, params && fillPath(path, params, redact));
    } else
      first = freshRequest(fillPath(path, params, redact), { ...query, page_size: pageSize ?? 1000 }, params);
  } catch (error) {
    throw scrub(error, redact);
  }
  const get = client.GET as unknown as Get;
  // The walk's path as a URL's pathname spells it, which the client's must end with.
  const at = new URL(first.path, "http://h").pathname;
  const fetchPage = (request: PageRequest, signal: AbortSignal): Promise<Fetched<Page<unknown>>> =>
    fetchOne(request, signal).catch((error: unknown) => {
      throw scrub(error, redact);
    });
  const fetchOne = async (request: PageRequest, signal: AbortSignal): Promise<Fetched<Page<unknown>>> => {
    let sent = "";
    const { data, error, response } = await get(path, {
      // The client fills the path in: its own way of encoding (and checking) parameters.
      params: { path: first.params, query: request.query },
      signal,
      // The URL the client built from its own base URL: where every next link must point too.
      // (`response.url` is the fallback, for clients that run no middleware.)
      middleware: [
        {
          onRequest(event: { request: Request }) {
            sent = event.request.url;
            // A path the cursors would not name (a client's `pathSerializer` that encodes
            // otherwise, or lets a value span segments): refused before it is sent.
            const sentPath = new URL(sent).pathname;
            if (!sentPath.endsWith(at)) {
              throw new InputError(
                `paginate: the client sent ${path} to ${shown(sentPath)}, not …${shown(at)} (its pathSerializer must encode as encodeURIComponent does); nothing sent.`,
                { field: "path" },
              );
            }
          },
        },
      ],
    });
    const url = sent || response.url;
    // An error status comes with `error`, not `data`: the client's ApiError says what it was.
    if (!response.ok) throw createApiError(response, error);
    // A success whose body is no list page is reported, never walked as one.
    const problem = bodyProblem(data);
    if (problem) {
      const { status } = response;
      throw new UnexpectedResponseError(
        `paginate: ${shown(url)} answered ${status}, but ${problem}; resume from error.cursor once it answers a page.`,
        { status, url: shown(url), problem },
      );
    }
    const { links, data: items } = data as ListBody;
    const next = links.next ? nextRequest(first.path, links.next, url, redact) : undefined;
    // The page's cursor is the loop's to give: it knows whether the walk ends here.
    return [{ items, links, cursor: "" }, next];
  };
  // `ahead`: the walk's prefetch; toArray's is 0 (see there).
  const walk = (ahead: number) => pageLoop(first, fetchPage, ahead, maxPages, signal);
  return {
    pages: () => walk(prefetch),
    [Symbol.asyncIterator]: () => itemsOf(walk(prefetch)),
    async toArray({ limit } = {}) {
      check("limit", limit ?? 0, 0);
      const items: unknown[] = [];
      const max = limit ?? Number.POSITIVE_INFINITY;
      // One page at a time, whatever `prefetch`: there is no work between pages here for a fetch
      // ahead to overlap with, and stopping at the page that reaches the limit then leaves no
      // page past it fetched (nor, for a limit of 0, any page).
      if (max > 0) {
        for await (const page of walk(0)) {
          // Item by item: a page spread into push's arguments overflows the stack when it is big.
          for (const item of page.items) items.push(item);
          if (items.length >= max) break;
        }
      }
      if (items.length > max) items.length = max;
      return items;
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

/**
 * The items of a walk's pages, one `next()` at a time. Written by hand rather than as an async
 * generator: within a page, `next()` hands over an item with one resolved promise, where a
 * generator's `yield` awaits and resumes (about 3× the cost per item, a few % of a walk).
 * `return()` (a `break` out of `for await`) ends the walk, aborting any request in flight.
 */
function itemsOf(pages: AsyncGenerator<Page<unknown>, void, undefined>): AsyncIterator<unknown> {
  let items: unknown[] = [];
  let index = 0;
  const pull = async (): Promise<IteratorResult<unknown>> => {
    for (;;) {
      const page = await pages.next();
      if (page.done) return { value: undefined, done: true };
      ({ items } = page.value);
      index = 0;
      if (items.length) return { value: items[index++], done: false };
    }
  };
  return {
    next: () => (index < items.length ? Promise.resolve({ value: items[index++], done: false }) : pull()),
    return: async () => {
      items = [];
      await pages.return();
      return { value: undefined, done: true };
    },
  };
}
