/**
 * The date filters accept `YYYY-MM-DD` (midnight UTC) or an ISO 8601 date-time in RFC 3339's
 * form with seconds and offset optional, `YYYY-MM-DDTHH:MM[:SS[.fraction]][Z|±HH:MM]` (no offset
 * means UTC): `T` and `Z` in either case, hours 00-23, no leap second. Anything else, including
 * impossible dates such as 2026-02-30, a space for the `T`, `24:00` or an offset without its colon,
 * is not a datetime. `@signalwire-voice/client` checks the same grammar before sending
 * (its `src/internal/input-checks.ts`; both test suites share one table).
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/i;

function utc(year: number, month: number, day: number): number | undefined {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date.getTime() : undefined;
}

/** Milliseconds since the epoch (with any sub-millisecond fraction), or undefined. */
export function parseDateTime(text: string): number | undefined {
  const date = DATE.exec(text);
  if (date) return utc(Number(date[1]), Number(date[2]), Number(date[3]));
  const match = DATE_TIME.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second = "0", fraction = "", zone = "Z"] = match;
  const midnight = utc(Number(year), Number(month), Number(day));
  if (midnight === undefined || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59)
    return undefined;
  let offsetMinutes = 0;
  if (zone.toUpperCase() !== "Z") {
    const [offsetHours, offsetMins] = [Number(zone.slice(1, 3)), Number(zone.slice(4))];
    if (offsetHours > 23 || offsetMins > 59) return undefined;
    offsetMinutes = (zone.startsWith("-") ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  const clock = ((Number(hour) * 60 + Number(minute) - offsetMinutes) * 60 + Number(second)) * 1000;
  return midnight + clock + (fraction ? Number(`0${fraction}`) * 1000 : 0);
}
