import { createQuerySerializer } from "openapi-fetch";
import { InputError } from "../errors/input-error.js";

// The shape of an ISO 8601 date or date-time (2026-01-31, 2026-01-31T12:00:00.000+02:00);
// `Date.parse` then rejects the impossible times.
const ISO_DATE = /^\d{4}-\d\d-\d\d([T ]\d\d:\d\d[\d:.]*(Z|[+-]\d\d:?\d\d)?)?$/;

/**
 * Checks a `GET /logs` query against the spec and turns it into a query string. It is the
 * client's `querySerializer`: openapi-fetch calls it before it builds the request, so a bad
 * value throws `InputError` and nothing is sent.
 *
 * @example serializeQuery({ page_size: 10, created_after: new Date(0) }) // "page_size=10&created_after=1970-01-01T00%3A00%3A00.000Z"
 */
export function serializeQuery(query: Record<string, unknown>): string {
  // Absent (undefined or null) means "the server's default": 50 and 0.
  const size = query.page_size ?? 1;
  const page = query.page_number ?? 0;
  // The spec bounds page_size to 1..1000.
  check("page_size", isInteger(size, 1, 1000), size, "an integer from 1 to 1000");
  // page_number starts at 0, and only page 0 is reachable without the page_token of the page before.
  check(
    "page_number",
    page === 0 || (isInteger(page, 1, 2 ** 53) && !!query.page_token),
    page,
    "an integer >= 0 (> 0 only with page_token)",
  );
  const checked: Record<string, unknown> = {};
  for (const name in query) {
    checked[name] = name.startsWith("created_") ? serializeDate(name, query[name]) : query[name];
  }
  // openapi-fetch's own serializer (already in the bundle) does the rest.
  return createQuerySerializer()(checked);
}

function serializeDate(name: string, value: unknown): unknown {
  if (value == null) return value;
  // Dates travel as ISO 8601; an invalid Date has no such form.
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  // Strings must be ISO 8601 and name a real time and day: `Date.parse` rolls 2026-02-30 over to
  // March 2, so the day must survive the round trip.
  const text = `${value}`;
  const day = text.slice(0, 10);
  const valid =
    typeof value === "string" &&
    ISO_DATE.test(text) &&
    !Number.isNaN(Date.parse(text.replace(" ", "T"))) &&
    new Date(Date.parse(day) || 0).toISOString().startsWith(day);
  check(name, valid, value, "a valid Date or ISO 8601 string");
  return text;
}

function isInteger(value: unknown, min: number, max: number): boolean {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
}

/** Throws "Bad query.X: expected …, got …. Nothing was sent." unless `valid`. */
function check(name: string, valid: boolean, got: unknown, expected: string): void {
  if (valid) return;
  const shown = typeof got === "string" ? JSON.stringify(got) : String(got);
  throw new InputError(`Bad query.${name}: expected ${expected}, got ${shown}. Nothing was sent.`, {
    field: `query.${name}`,
  });
}
