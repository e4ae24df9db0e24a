import { readFileSync } from "node:fs";

/**
 * The one date grammar of the client and the mock server (spec/fixtures/datetimes.json), as a
 * table of given → want: milliseconds since the epoch, or undefined for "not a datetime"
 * (refused before sending; the mock server answers 422 `not_a_datetime`). The client only says
 * yes or no; test/over-http.test.ts sends every row to the mock server.
 */
export const DATETIMES: [string, number | undefined][] = (
  JSON.parse(readFileSync(new URL("../../../../spec/fixtures/datetimes.json", import.meta.url), "utf8")) as {
    rows: [string, number | null][];
  }
).rows.map(([text, want]) => [text, want ?? undefined]);
