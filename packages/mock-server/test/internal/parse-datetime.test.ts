import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDateTime } from "../../src/internal/parse-datetime.js";

// The one date grammar of the mock server and the client (spec/fixtures/datetimes.json), as a
// table of given → want: milliseconds since the epoch, or null for "not a datetime" (a 422
// `not_a_datetime`). The client's tests run the same table.
const { rows: DATETIMES } = JSON.parse(
  readFileSync(new URL("../../../../spec/fixtures/datetimes.json", import.meta.url), "utf8"),
) as { rows: [string, number | null][] };

describe("parseDateTime", () => {
  it.each(DATETIMES)("%j → %j", (text, want) => {
    if (want === null) expect(parseDateTime(text)).toBeUndefined();
    else expect(parseDateTime(text)).toBeCloseTo(want, 3);
  });
});
