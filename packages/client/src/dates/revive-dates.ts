import type { DatePlan } from "@signalwire-voice/types/dates";
import { UnexpectedResponseError } from "../errors/unexpected-response-error.js";
import { redactorOf } from "../redactor-of.js";

// RFC 3339's date-time: what `format: date-time` means, and what `Date` parses the same everywhere.
const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i;

/**
 * Replaces, in place, each date-time string that `plan` points at in `body` with a `Date`.
 * What is not there, or not a string (a `null`, a `Date` already), is left alone; a string
 * that is not an RFC 3339 date-time throws `UnexpectedResponseError`, naming its JSON pointer.
 *
 * @example reviveDates(page, { data: [{ created_at: 1 }] }, response) // page.data[i].created_at: Date
 */
export function reviveDates(body: unknown, plan: DatePlan, response: Response): void {
  const walk = (value: unknown, at: DatePlan, pointer: string): unknown => {
    if (at === 1) return typeof value === "string" ? toDate(value, pointer, response) : value;
    if (typeof value !== "object" || value === null) return value;
    if (Array.isArray(at)) {
      if (Array.isArray(value))
        for (let i = 0; i < value.length; i++) value[i] = walk(value[i], at[0], `${pointer}/${i}`);
      return value;
    }
    const object = value as Record<string, unknown>;
    for (const key in at) {
      if (Object.hasOwn(object, key))
        object[key] = walk(
          object[key],
          (at as Record<string, DatePlan>)[key] as DatePlan,
          `${pointer}/${key}`,
        );
    }
    return value;
  };
  walk(body, plan, "");
}

function toDate(text: string, pointer: string, response: Response): Date {
  const date = DATE_TIME.test(text) ? new Date(text.toUpperCase()) : undefined;
  if (date && !Number.isNaN(date.getTime())) return date;
  const redact = redactorOf(response);
  const url = redact(response.url);
  const problem = `${pointer} is ${redact(JSON.stringify(text.slice(0, 40)))}, expected an RFC 3339 date-time`;
  throw new UnexpectedResponseError(`${url} answered ${response.status}, but ${problem}.`, {
    status: response.status,
    url,
    problem,
  });
}
