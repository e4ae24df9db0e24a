import type { DatePlan } from "@signalwire-voice/types/dates";
import { UnexpectedResponseError } from "../errors/unexpected-response-error.js";
import { redactorOf } from "../redactor-of.js";

/**
 * Replaces, in place, each date-time string that `plan` points at in `body` with a `Date`.
 * What is not there is left alone, and so is a `Date` already there, and a `null` where the
 * spec allows one. Anything else that is not a date-time as the spec's `format: date-time`
 * checks it (the same rule as the response validators) throws `UnexpectedResponseError`,
 * naming its JSON pointer: there is no `Date` to hand over.
 *
 * @example reviveDates(page, { data: [{ created_at: 1 }] }, response) // page.data[i].created_at: Date
 */
export function reviveDates(body: unknown, plan: DatePlan, response: Response): void {
  const walk = (value: unknown, at: DatePlan, pointer: string): unknown => {
    if (typeof at === "number") {
      if (value instanceof Date || (value === null && at === 2)) return value;
      const date = typeof value === "string" ? dateOf(value) : undefined;
      return date ?? fail(value, pointer, response);
    }
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

// RFC 3339's date-time, as ajv-formats' "full" `date-time` reads it (`T`, `t` or a space between
// date and time; an offset `Z`, `±hh:mm`, `±hhmm` or `±hh`): the rule the validators apply.
const DATE_TIME = /^(\d{4})-(\d\d)-(\d\d)[t\s](\d\d):(\d\d):(\d\d)(\.\d+)?(?:z|([+-])(\d\d)(?::?(\d\d))?)$/i;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The `Date` a date-time string names, or undefined when it names none: a month, day, hour,
 * minute or offset out of range (`2023-02-29`, `24:00:00`), which `Date` would roll over into
 * the next day rather than refuse. A leap second (`23:59:60` UTC) is the last millisecond of
 * its minute: a `Date` has no 61st second.
 */
function dateOf(text: string): Date | undefined {
  const match = DATE_TIME.exec(text);
  if (!match) return undefined;
  const year = +(match[1] as string);
  const month = +(match[2] as string);
  const day = +(match[3] as string);
  const hour = +(match[4] as string);
  const minute = +(match[5] as string);
  const second = +(match[6] as string);
  const offsetHours = match[9] === undefined ? 0 : +match[9];
  const offsetMinutes = match[10] === undefined ? 0 : +match[10];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : DAYS[month - 1];
  if (days === undefined || day < 1 || day > days || offsetHours > 23 || offsetMinutes > 59) return undefined;
  const offset = (match[8] === "-" ? -1 : 1) * (offsetHours * 60 + offsetMinutes);
  const inUtc = hour * 60 + minute - offset;
  const leapSecond = second === 60 && (inUtc + 1440) % 1440 === 1439;
  if (hour > 23 || minute > 59 || (second > 59 && !leapSecond)) return undefined;
  const milliseconds = leapSecond ? 999 : match[7] === undefined ? 0 : Math.floor(+match[7] * 1000);
  const seconds = Math.min(second, 59);
  if (year >= 100)
    return new Date(Date.UTC(year, month - 1, day, hour, minute - offset, seconds, milliseconds));
  // Date.UTC reads the years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute - offset, seconds, milliseconds);
  return date;
}

function fail(value: unknown, pointer: string, response: Response): never {
  const redact = redactorOf(response);
  const url = redact(response.url);
  const shown =
    typeof value === "string"
      ? JSON.stringify(value.slice(0, 40))
      : value === null
        ? "null"
        : `a ${Array.isArray(value) ? "list" : typeof value}`;
  const problem = `${pointer} is ${redact(shown)}, expected an RFC 3339 date-time`;
  throw new UnexpectedResponseError(`${url} answered ${response.status}, but ${problem}.`, {
    status: response.status,
    url,
    problem,
  });
}
