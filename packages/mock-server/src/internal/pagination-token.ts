/**
 * Page tokens as SignalWire writes them: `PA<uuid>` asks for the page *after* the log with that
 * id (links.next), `PB<uuid>` for the page *before* it (links.prev). They are keyset cursors:
 * the boundary log's place in the created_at order, not an offset, so logs inserted at the head
 * while a client walks the pages shift nothing. The uuid is a log id, which encodes its own
 * position (see log-id.ts); verifying it needs no state.
 */

export type PageDirection = "after" | "before";

export interface PageToken {
  direction: PageDirection;
  /** The id of the boundary log: the last log of the previous page, or the first of the next. */
  id: string;
}

const PREFIX: Record<PageDirection, string> = { after: "PA", before: "PB" };

/** `{ direction: "after", id }` → `PA<id>`. */
export function formatPageToken({ direction, id }: PageToken): string {
  return `${PREFIX[direction]}${id}`;
}

/** The direction and id of a token, or undefined when it is not `PA`/`PB` followed by something. */
export function parsePageToken(token: string): PageToken | undefined {
  const direction = token.startsWith("PA") ? "after" : token.startsWith("PB") ? "before" : undefined;
  const id = token.slice(2);
  return direction && id ? { direction, id } : undefined;
}
