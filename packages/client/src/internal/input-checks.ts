import { createQuerySerializer } from "openapi-fetch";
import { InputError } from "../errors/input-error.js";

// The one date grammar of this client and the mock server (its parse-datetime.ts): `YYYY-MM-DD`,
// or an ISO 8601 date-time in RFC 3339's form with seconds and offset optional,
// `YYYY-MM-DDTHH:MM[:SS[.fraction]][Z|±HH:MM]`: `T` and `Z` in either case, hours 00-23, no leap
// second. Whether the day exists is checked below.
const DATE_TIME =
  /^(\d{4}-\d\d-\d\d)(t([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(z|[+-]([01]\d|2[0-3]):[0-5]\d)?)?$/i;

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
  // No prototype: a name like `__proto__` or `toString` (a next link may carry any) is a parameter.
  const checked: Record<string, unknown> = Object.create(null);
  for (const name in query) {
    checked[name] = name.startsWith("created_") ? serializeDate(name, query[name]) : query[name];
  }
  // openapi-fetch's own serializer (already in the bundle) does the rest.
  return createQuerySerializer()(checked);
}

function serializeDate(name: string, value: unknown): unknown {
  if (value == null) return value;
  // Dates travel as ISO 8601, checked like strings: an invalid Date has no such form (`toJSON()`
  // gives null), and one beyond year 9999 has a form (`+010000-…`) the server refuses.
  const text = value instanceof Date ? value.toJSON() : value;
  // The day must exist: `Date.parse` rolls 2026-02-30 over to March 2, so it must survive the
  // round trip.
  const day = typeof text === "string" && DATE_TIME.exec(text)?.[1];
  check(
    name,
    day && new Date(day).toJSON()?.startsWith(day),
    value,
    "a valid Date or YYYY-MM-DD[Thh:mm[:ss[.s]][Z|±hh:mm]]",
  );
  return text;
}

/** Whether `value` is an integer from `min` to `max` (by default the longest delay `setTimeout` keeps). */
export function isInteger(value: unknown, min: number, max = 2 ** 31 - 1): boolean {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
}

/** Throws "Bad query.X: expected …, got …. Nothing was sent." unless `valid`. */
function check(name: string, valid: unknown, got: unknown, expected: string): void {
  if (valid) return;
  const shown = typeof got === "string" ? JSON.stringify(got) : String(got);
  throw new InputError(`Bad query.${name}: expected ${expected}, got ${shown}. Nothing was sent.`, {
    field: `query.${name}`,
  });
}
