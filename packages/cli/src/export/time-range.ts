import { UsageError } from "../usage-error.js";

// The date grammar the API and `@signalwire-voice/client` accept for `created_after` and
// `created_before`: `YYYY-MM-DD` (midnight UTC) or `YYYY-MM-DDTHH:MM[:SS[.fraction]][Z|±HH:MM]`
// (no offset: UTC), `T` and `Z` in either case.
const DATE_TIME =
  /^(\d{4}-\d\d-\d\d)(t([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(z|[+-]([01]\d|2[0-3]):[0-5]\d)?)?$/i;

const FORM = "a date (2026-01-01) or a date-time (2026-01-01T12:00:00Z, 2026-01-01T13:00+01:00)";

/**
 * The `[since, until)` of an export: `since` included, `until` left out.
 *
 * @example
 * ```ts
 * const range: TimeRange = { since: new Date("2026-01-01"), until: new Date("2026-01-02") };
 * ```
 */
export interface TimeRange {
  since: Date;
  until: Date;
}

/**
 * Reads `--since` and `--until`; throws `UsageError` naming the flag and the fix for a missing or
 * unparsable value, or a `since` not before `until`.
 *
 * @example timeRangeOf("2026-01-01", "2026-01-02T00:00Z") // { since: 2026-01-01T00:00:00.000Z, until: 2026-01-02T00:00:00.000Z }
 */
export function timeRangeOf(since: string | undefined, until: string | undefined): TimeRange {
  const range = { since: dateOf("--since", since), until: dateOf("--until", until) };
  if (range.since >= range.until) {
    throw new UsageError(
      `--since (${range.since.toJSON()}) must be before --until (${range.until.toJSON()}): the export covers [since, until).`,
    );
  }
  return range;
}

/**
 * The `/logs` query of a range. The API's `created_after` is exclusive, so it is sent a
 * millisecond before `since` to include a log created at `since` itself.
 *
 * @example logsQueryOf(range, true) // { created_after: since - 1 ms, created_before: until, include_deleted: true }
 */
export function logsQueryOf(
  range: TimeRange,
  includeDeleted: boolean,
): { created_after: Date; created_before: Date; include_deleted?: true } {
  return {
    created_after: new Date(range.since.getTime() - 1),
    created_before: range.until,
    ...(includeDeleted && { include_deleted: true as const }),
  };
}

function dateOf(flag: string, text: string | undefined): Date {
  if (text === undefined) throw new UsageError(`Missing ${flag}: give ${FORM}.`);
  const match = DATE_TIME.exec(text);
  const day = match?.[1];
  // No offset means UTC, as the API reads it; `Date.parse` would read a bare date-time as local.
  const upper = text.toUpperCase();
  const date = new Date(match?.[2] && !match[6] ? `${upper}Z` : upper);
  // `Date` rolls an impossible day (2026-02-30) over to March: the day must survive the round trip.
  if (!day || Number.isNaN(date.getTime()) || !new Date(day).toJSON()?.startsWith(day)) {
    const shown = text.length <= 40 ? JSON.stringify(text) : `(a ${text.length}-character value)`;
    throw new UsageError(`Bad ${flag} ${shown}: expected ${FORM}.`);
  }
  // No voice log is older than 1970; and the moment before year 0000 has no 4-digit form to send.
  if (date.getTime() < 0)
    throw new UsageError(`Bad ${flag} ${date.toJSON()}: expected a date from 1970-01-01 on.`);
  return date;
}
