import type { ValidationErrorItem } from "@signalwire-voice/types";
import { type PageDirection, parsePageToken } from "./pagination-token.js";
import { parseDateTime } from "./parse-datetime.js";
import { validationError } from "./validation-error.js";

/** A List Logs query that passed validation. */
export interface ListQuery {
  pageNumber: number;
  pageSize: number;
  includeDeleted: boolean;
  /** Logs must be created strictly after `afterMs` and strictly before `beforeMs` (either may be absent). */
  afterMs?: number;
  beforeMs?: number;
  token?: { direction: PageDirection; position: number; text: string };
  /** The filters exactly as sent, in a fixed order, for the links. */
  filters: [name: string, value: string][];
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;
const DAY_MS = 86_400_000;
const DIGITS = /^\d+$/;

/**
 * Checks every List Logs parameter and reports every problem at once, in SignalWire's codes.
 * `positionOf` resolves a token's log id to a position (undefined: no such log).
 */
export function validateQuery(
  params: ReadonlyMap<string, string>,
  positionOf: (id: string) => number | undefined,
): { query: ListQuery } | { errors: ValidationErrorItem[] } {
  const errors: ValidationErrorItem[] = [];
  const query: ListQuery = { pageNumber: 0, pageSize: DEFAULT_PAGE_SIZE, includeDeleted: false, filters: [] };

  const includeDeleted = params.get("include_deleted");
  if (includeDeleted !== undefined) {
    if (includeDeleted === "true" || includeDeleted === "false") {
      query.includeDeleted = includeDeleted === "true";
      query.filters.push(["include_deleted", includeDeleted]);
    } else {
      errors.push(
        validationError(
          "not_a_boolean",
          "include_deleted",
          `include_deleted must be true or false; got "${includeDeleted}".`,
        ),
      );
    }
  }

  const bounds: { after: number[]; before: number[] } = { after: [], before: [] };
  for (const name of ["created_before", "created_on", "created_after"] as const) {
    const text = params.get(name);
    if (text === undefined) continue;
    const ms = parseDateTime(text);
    if (ms === undefined) {
      const expected = "a date (YYYY-MM-DD) or an ISO 8601 date-time (YYYY-MM-DDTHH:MM:SSZ)";
      errors.push(validationError("not_a_datetime", name, `${name} must be ${expected}; got "${text}".`));
      continue;
    }
    query.filters.push([name, text]);
    // Logs carry whole milliseconds, so rounding the bound outwards keeps both bounds exclusive.
    if (name === "created_before") bounds.before.push(Math.ceil(ms));
    if (name === "created_after") bounds.after.push(Math.floor(ms));
    if (name === "created_on") {
      const dayStart = Math.floor(ms / DAY_MS) * DAY_MS;
      bounds.after.push(dayStart - 1);
      bounds.before.push(dayStart + DAY_MS);
    }
  }
  if (bounds.after.length > 0) query.afterMs = Math.max(...bounds.after);
  if (bounds.before.length > 0) query.beforeMs = Math.min(...bounds.before);

  const pageNumber = params.get("page_number");
  if (pageNumber !== undefined) {
    if (DIGITS.test(pageNumber) && Number.isSafeInteger(Number(pageNumber)))
      query.pageNumber = Number(pageNumber);
    else {
      const why = /^-\d+$/.test(pageNumber) ? "must not be negative" : "must be an integer of 0 or more";
      errors.push(
        validationError("invalid_parameter", "page_number", `page_number ${why}; got "${pageNumber}".`),
      );
    }
  }

  const pageSize = params.get("page_size");
  if (pageSize !== undefined) {
    const size = DIGITS.test(pageSize) ? Number(pageSize) : Number.NaN;
    if (size >= 1 && size <= MAX_PAGE_SIZE) query.pageSize = size;
    else {
      const message = `page_size must be an integer from 1 to ${MAX_PAGE_SIZE}; got "${pageSize}".`;
      errors.push(validationError("invalid_parameter", "page_size", message));
    }
  }

  const token = params.get("page_token");
  if (token !== undefined) {
    const parsed = parsePageToken(token);
    const position = parsed && positionOf(parsed.id);
    if (parsed && position !== undefined)
      query.token = { direction: parsed.direction, position, text: token };
    else {
      const message = `page_token "${token}" is not a token this server issued; follow links.next or links.prev as returned, or start again from links.first.`;
      errors.push(validationError("page_token_is_invalid", "page_token", message));
    }
  } else if (query.pageNumber > 0) {
    const message = `page_number ${query.pageNumber} needs the page_token of links.next or links.prev; follow those links instead of counting pages.`;
    errors.push(validationError("page_token_required", "page_token", message));
  }

  return errors.length > 0 ? { errors } : { query };
}
