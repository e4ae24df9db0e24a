import { createQuerySerializer } from "openapi-fetch";
import { InputError } from "../errors/input-error.js";
import { PARAMETERS } from "../generated/parameters.js";
import type { Redact } from "./redact.js";

// The one date grammar of this client and the mock server (its parse-datetime.ts): `YYYY-MM-DD`,
// or an ISO 8601 date-time in RFC 3339's form with seconds and offset optional,
// `YYYY-MM-DDTHH:MM[:SS[.fraction]][Z|±HH:MM]`: `T` and `Z` in either case, hours 00-23, no leap
// second. Whether the day exists is checked below.
const DATE_TIME =
  /^(\d{4}-\d\d-\d\d)(t([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(z|[+-]([01]\d|2[0-3]):[0-5]\d)?)?$/i;

/**
 * What the spec says of a request parameter's value: an entry of the generated `PARAMETERS`.
 *
 * @example const rule: ParameterRule = { type: "integer", minimum: 1, maximum: 1000 };
 */
export interface ParameterRule {
  readonly type: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly enum?: readonly unknown[];
  readonly format?: string;
}

// What a format adds to a rule's bounds or grammar.
const INT_MAX: Record<string, number> = { int32: 2 ** 31 - 1 };
const FORMATS: Record<string, [RegExp, string]> = {
  uuid: [
    /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i,
    'a UUID like "b7182dc2-00f3-40e4-a5ce-20f164b329df"',
  ],
};

/**
 * What `value` should have been, by `rule`, or undefined when it is fine. A boolean may come as
 * its query-string form ("true"), as in a `next` link's query.
 *
 * @example expectedOf({ type: "integer", minimum: 1, maximum: 1000 }, 5000) // "an integer from 1 to 1000"
 */
export function expectedOf(rule: ParameterRule, value: unknown): string | undefined {
  const { type, minimum = Number.NEGATIVE_INFINITY, format = "" } = rule;
  const maximum = Math.min(
    rule.maximum ?? Number.MAX_SAFE_INTEGER,
    INT_MAX[format] ?? Number.MAX_SAFE_INTEGER,
  );
  const [grammar, named] = FORMATS[format] ?? [];
  const [valid, expected] =
    type === "integer" || type === "number"
      ? [
          typeof value === "number" &&
            (type === "integer" ? Number.isInteger(value) : Number.isFinite(value)) &&
            value >= minimum &&
            value <= maximum,
          `${type === "integer" ? "an integer" : "a number"} ${minimum > Number.NEGATIVE_INFINITY ? `from ${minimum} to` : "<="} ${maximum}`,
        ]
      : type === "boolean"
        ? [value === true || value === false || value === "true" || value === "false", "true or false"]
        : [typeof value === "string" && (!grammar || grammar.test(value)), named ?? "a string"];
  if (!valid) return expected;
  if (rule.enum && !rule.enum.includes(value))
    return `one of ${rule.enum.map((item) => JSON.stringify(item)).join(", ")}`;
  return undefined;
}

/**
 * The client's `querySerializer`: checks a query against the spec's parameters (`rules`, the
 * generated table: types, bounds, enums, formats) and the few rules the spec states only in
 * prose (below), then turns it into a query string. openapi-fetch calls it before it builds the
 * request, so a bad value throws `InputError` and nothing is sent. Names the spec does not know
 * pass as they are. Values quoted in messages pass through `redact` first.
 *
 * @example querySerializer(redact)({ page_size: 10, created_after: new Date(0) }) // "page_size=10&created_after=1970-01-01T00%3A00%3A00.000Z"
 */
export function querySerializer(
  redact: Redact,
  rules: Readonly<Record<string, ParameterRule>> = PARAMETERS.query,
): (query: Record<string, unknown>) => string {
  const serialize = createQuerySerializer();
  return (query) => {
    const check = (name: string, valid: unknown, got: unknown, expected: string) => {
      if (!valid) throw inputError(`query.${name}`, got, expected, redact);
    };
    // No prototype: a name like `__proto__` or `toString` (a next link may carry any) is a parameter.
    const checked: Record<string, unknown> = Object.create(null);
    for (const name in query) {
      const value = query[name];
      // Absent (undefined or null) means "the server's default".
      if (value == null) checked[name] = value;
      // The spec says only "string" of the date filters; their grammar is in the prose.
      else if (name === "created_on") checked[name] = serializeDay(name, value, check);
      else if (name.startsWith("created_")) checked[name] = serializeDate(name, value, check);
      else {
        const rule = Object.hasOwn(rules, name) ? rules[name] : undefined;
        const expected = rule && expectedOf(rule, value);
        check(name, !expected, value, expected ?? "");
        checked[name] = value;
      }
    }
    // "Requires `page_token` for values greater than 0": only page 0 is reachable without the
    // page_token of the page before.
    const page = query.page_number ?? 0;
    check(
      "page_number",
      page === 0 || !!query.page_token,
      page,
      "0 without page_token (> 0 only with the page_token of the page before)",
    );
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
