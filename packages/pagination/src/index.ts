/**
 * `@signalwire-voice/pagination`: walk every page of a SignalWire list — voice logs, or any path
 * of an openapi-fetch client shaped like one, path parameters included — losing nothing,
 * repeating nothing, and never sending a request (or credentials) where a `next` link points if
 * that is not the client's own base URL. Resumable from a saved cursor, with optional prefetch
 * and bounded memory.
 *
 * Everything public is listed here by name. Held back: the page loop, the next-request and
 * link-safety decisions, the cursor codec, path filling, request keys and body checks
 * (`src/internal/`); the cursor is a string to save and pass back, not a format to build
 * (`cursorState` reads it).
 *
 * @example
 * ```ts
 * import { createVoiceClient } from "@signalwire-voice/client";
 * import { paginate } from "@signalwire-voice/pagination";
 *
 * const client = createVoiceClient();
 * const logs = await paginate(client, "/logs", { query: { created_on: "2026-01-15" } }).toArray();
 * ```
 * @module
 */

export { cursorOf } from "./cursor-of.js";
export { type CursorState, cursorState } from "./cursor-state.js";
export { MaxPagesError } from "./errors/max-pages-error.js";
export { PaginationLoopError } from "./errors/pagination-loop-error.js";
export { UnsafeNextLinkError } from "./errors/unsafe-next-link-error.js";
export type {
  ListBody,
  ListClient,
  ListFilters,
  ListItem,
  ListLinks,
  ListPath,
  ListPathParams,
  ListResponse,
} from "./list-path.js";
export { type PaginateOptions, paginate } from "./paginate.js";
export type { Page, Paginated, ToArrayOptions } from "./paginated.js";
