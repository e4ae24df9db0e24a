// The one date grammar of the client and the mock server, as a table of given → want:
// milliseconds since the epoch, or undefined for "not a datetime" (refused before sending; the
// mock server answers 422 `not_a_datetime`). The client only says yes or no. The same table,
// character for character, is in packages/mock-server/test/internal/parse-datetime.test.ts
// (test/internal/input-checks.test.ts checks), and test/over-http.test.ts sends every row to the
// mock server.
// <datetime-table>
const DATETIMES: [string, number | undefined][] = [
  // YYYY-MM-DD: midnight UTC, on a day that exists.
  ["2026-01-02", Date.UTC(2026, 0, 2)],
  ["2024-02-29", Date.UTC(2024, 1, 29)],
  ["0001-01-01", Date.parse("0001-01-01T00:00:00Z")],
  ["2026-1-2", undefined],
  ["2026-13-01", undefined],
  ["2026-00-10", undefined],
  ["2026-01-00", undefined],
  ["2025-02-29", undefined],
  ["2026-02-30", undefined],
  ["2026-04-31", undefined],
  ["+002026-01-02", undefined],
  ["20260102", undefined],
  ["31/01/2026", undefined],
  // YYYY-MM-DDTHH:MM[:SS[.fraction]][Z|±HH:MM], T and Z in either case; no offset means UTC.
  ["2026-01-02T03:04", Date.UTC(2026, 0, 2, 3, 4)],
  ["2026-01-02T03:04:05", Date.UTC(2026, 0, 2, 3, 4, 5)],
  ["2026-01-02T03:04:05Z", Date.UTC(2026, 0, 2, 3, 4, 5)],
  ["2026-01-02t03:04:05z", Date.UTC(2026, 0, 2, 3, 4, 5)],
  ["2026-01-02T03:04:05.678Z", Date.UTC(2026, 0, 2, 3, 4, 5, 678)],
  ["2026-01-02T03:04:05.6789Z", Date.UTC(2026, 0, 2, 3, 4, 5, 678) + 0.9],
  ["2026-01-02T03:04:05.123456789012Z", Date.UTC(2026, 0, 2, 3, 4, 5, 123) + 0.456789012],
  ["2026-01-02T00:00:00Z", Date.UTC(2026, 0, 2)],
  ["2026-01-02T23:59:59.999Z", Date.UTC(2026, 0, 2, 23, 59, 59, 999)],
  ["2026-01-02T03:04:05+02:00", Date.UTC(2026, 0, 2, 1, 4, 5)],
  ["2026-01-02T03:04:05-01:30", Date.UTC(2026, 0, 2, 4, 34, 5)],
  ["2026-01-02T03:04+05:30", Date.UTC(2026, 0, 1, 21, 34)],
  ["2026-01-02T03:04:05+23:59", Date.UTC(2026, 0, 1, 3, 5, 5)],
  // Not ISO 8601 date-times, or impossible ones.
  ["", undefined],
  ["today", undefined],
  ["1767312000", undefined],
  ["2026-01-02 03:04:05", undefined], // a space for the T
  ["2026-01-31 12:00", undefined],
  ["2026-01-02T24:00", undefined], // hours 00-23
  ["2026-01-02T24:00:00Z", undefined],
  ["2026-01-02T03:60:00Z", undefined],
  ["2026-01-02T03:04:60Z", undefined], // no leap second
  ["2026-01-02T3:04:05Z", undefined],
  ["2026-01-02T03", undefined],
  ["2026-01-02T", undefined],
  ["2026-01-02TZ", undefined],
  ["2026-01-02T03:04:05.Z", undefined],
  ["2026-01-02T03:04:05.5.5Z", undefined],
  ["2026-01-02T03:04:::Z", undefined],
  ["2026-01-02T03:04:05Z ", undefined],
  ["2026-01-02T03:04:05+0200", undefined], // the offset's colon is required
  ["2026-01-02T03:04:05+02", undefined],
  ["2026-01-02T03:04:05+24:00", undefined],
  ["2026-01-02T03:04:05+02:60", undefined],
];

// </datetime-table>

export { DATETIMES };
