import type { PaginationLinks } from "@signalwire-voice/types";
import { formatPageToken } from "./pagination-token.js";
import type { Page } from "./select-page.js";
import type { ListQuery } from "./validate-query.js";

/**
 * The `links` of a page, as absolute URLs on the origin the request came to. Each carries
 * page_size and the filters as sent; `first` has no page_number and no token; `next` (absent on
 * the last page) carries `PA<last id>`, `prev` (absent on page 0) carries `PB<first id>`.
 */
export function pageLinks(
  endpoint: string,
  query: ListQuery,
  page: Page,
  idOf: (position: number) => string,
): PaginationLinks {
  const url = (pageNumber?: number, token?: string) => {
    const params = new URLSearchParams();
    if (pageNumber !== undefined) params.set("page_number", String(pageNumber));
    params.set("page_size", String(query.pageSize));
    for (const [name, value] of query.filters) params.set(name, value);
    if (token !== undefined) params.set("page_token", token);
    return `${endpoint}?${params}`;
  };
  const first = page.positions[0];
  const last = page.positions.at(-1);
  const links: PaginationLinks = { self: url(query.pageNumber, query.token?.text), first: url() };
  if (last !== undefined && page.hasOlder) {
    links.next = url(query.pageNumber + 1, formatPageToken({ direction: "after", id: idOf(last) }));
  }
  if (first !== undefined && query.pageNumber > 0) {
    links.prev = url(query.pageNumber - 1, formatPageToken({ direction: "before", id: idOf(first) }));
  }
  return links;
}
