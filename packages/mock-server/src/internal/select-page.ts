import type { Dataset } from "./dataset.js";
import type { ListQuery } from "./validate-query.js";

/** The positions on one page, newest first, and whether any matching log is older than the last. */
export interface Page {
  positions: number[];
  hasOlder: boolean;
}

/**
 * Which logs are on a page: the filters narrow the positions to `from..to-1` (two binary
 * searches on created_at), a `PA` token starts just after its log, a `PB` token ends just
 * before its log, and discarded logs are skipped unless include_deleted. Work is per page.
 */
export function selectPage(dataset: Dataset, query: ListQuery): Page {
  let from = -dataset.inserted;
  let to = dataset.size;
  if (query.beforeMs !== undefined) from = dataset.firstCreatedBefore(query.beforeMs, from, to);
  // created_at > afterMs ⇔ not (created_at < afterMs + 1): logs carry whole milliseconds.
  if (query.afterMs !== undefined) to = dataset.firstCreatedBefore(query.afterMs + 1, from, to);
  const visible = (position: number) => query.includeDeleted || !dataset.isDiscarded(position);
  const positions: number[] = [];
  const { token, pageSize } = query;

  if (token?.direction === "before") {
    for (let p = Math.min(to, token.position) - 1; p >= from && positions.length < pageSize; p--) {
      if (visible(p)) positions.push(p);
    }
    positions.reverse();
  } else {
    const start = token ? Math.max(from, token.position + 1) : from;
    for (let p = start; p < to && positions.length < pageSize; p++) {
      if (visible(p)) positions.push(p);
    }
  }

  const last = positions.at(-1);
  let hasOlder = false;
  // Discarded logs never come more than two in a row, so this looks at most three positions.
  for (let p = (last ?? to) + 1; p < to && !hasOlder; p++) hasOlder = visible(p);
  return { positions, hasOlder };
}
