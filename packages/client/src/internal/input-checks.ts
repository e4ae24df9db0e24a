import { createQuerySerializer } from "openapi-fetch";
import { InputError } from "../errors/input-error.js";
import type { Redact } from "./redact.js";

// The one date grammar of this client and the mock server (its parse-datetime.ts): `YYYY-MM-DD`,
// or an ISO 8601 date-time in RFC 3339's form with seconds and offset optional,
// `YYYY-MM-DDTHH:MM[:SS[.fraction]][Z|±HH:MM]`: `T` and `Z` in either case, hours 00-23, no leap
// second. Whether the day exists is checked below.
const DATE_TIME =
  /^(\d{4}-\d\d-\d\d)(t([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(z|[+-]([01]\d|2[0-3]):[0-5]\d)?)?$/i;

/**
 * The client's `querySerializer`: checks a `GET /logs` query against the spec and turns it into
 * a query string. openapi-fetch calls it before it builds the request, so a bad value throws
 * `InputError` and nothing is sent. Values quoted in messages pass through `redact` first.
 *
 * @example querySerializer(redact)({ page_size: 10, created_after: new Date(0) }) // "page_size=10&created_after=1970-01-01T00%3A00%3A00.000Z"
 */
export function querySerializer(redact: Redact): (query: Record<string, unknown>) => string {
  const serialize = createQuerySerializer();
  return (query) => {
    const check = (name: string, valid: unknown, got: unknown, expected: string) => {
      if (!valid) throw inputError(`query.${name}`, got, expected, redact);
    };
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
      const value = query[name];
      checked[name] =
        value == null || !name.startsWith("created_")
          ? value
          : name === "created_on"
            ? serializeDay(name, value, check)
            : serializeDate(name, value, check);
    }
    // openapi-fetch's own serializer (already in the bundle) does the rest.
    return serialize(checked);
  };
}

/**
 * The `InputError` for a request parameter `field` (`query.page_size`, `path.id`) whose value
 * `got` is not `expected`. The value is quoted short and without secrets: it may be anything,
 * the token included.
 */
export function inputError(field: string, got: unknown, expected: string, redact: Redact): InputError {
  const text = typeof got === "string" ? JSON.stringify(got) : String(got);
  const shown = redact(text.length > 100 ? `${text.slice(0, 100)}…` : text);
  return new InputError(`Bad ${field}: expected ${expected}, got ${shown}. Nothing was sent.`, { field });
}

type Check = (name: string, valid: unknown, got: unknown, expected: string) => void;

/** Whether `day` (`YYYY-MM-DD`) exists: `Date.parse` rolls 2026-02-30 over to March 2. */
const isDay = (day: string | false | undefined): boolean =>
  !!day && !!new Date(day).toJSON()?.startsWith(day);

function serializeDate(name: string, value: unknown, check: Check): unknown {
  // Dates travel as ISO 8601, checked like strings: an invalid Date has no such form (`toJSON()`
  // gives null), and one beyond year 9999 has a form (`+010000-…`) the server refuses.
  const text = value instanceof Date ? value.toJSON() : value;
  check(
    name,
    typeof text === "string" && isDay(DATE_TIME.exec(text)?.[1]),
    value,
    "a valid Date or YYYY-MM-DD[Thh:mm[:ss[.s]][Z|±hh:mm]]",
  );
  return text;
}

/**
 * `created_on` names a day, sent as `YYYY-MM-DD`. A Date must be midnight UTC: a Date made in
 * local time (`new Date(2025, 11, 28)`) is the previous day in UTC east of Greenwich, and sending
 * it would silently ask for the wrong day.
 */
function serializeDay(name: string, value: unknown, check: Check): unknown {
  if (value instanceof Date) {
    const text = value.toJSON();
    check(
      name,
      text && /^\d{4}-\d\d-\d\dT00:00:00\.000Z$/.test(text) && isDay(text.slice(0, 10)),
      text ?? value,
      'a day: "YYYY-MM-DD" or a Date at midnight UTC, e.g. new Date(Date.UTC(2025, 11, 28)) (a Date made in local time is another day in UTC)',
    );
    return text?.slice(0, 10);
  }
  check(
    name,
    typeof value === "string" && /^\d{4}-\d\d-\d\d$/.test(value) && isDay(value),
    value,
    'a day: "YYYY-MM-DD" or a Date at midnight UTC',
  );
  return value;
}

/** Whether `value` is an integer from `min` to `max` (by default the longest delay `setTimeout` keeps). */
export function isInteger(value: unknown, min: number, max = 2 ** 31 - 1): boolean {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
}
