import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "../../src/internal/retry-after.js";

const NOW = Date.parse("Wed, 21 Oct 2026 07:28:00 GMT");

describe("parseRetryAfter", () => {
  it.each([
    // header → ms
    [null, undefined],
    ["", undefined],
    ["0", 0],
    ["1", 1_000],
    ["120", 120_000],
    ["Wed, 21 Oct 2026 07:28:05 GMT", 5_000], // IMF-fixdate
    ["Wednesday, 21-Oct-26 07:28:02 GMT", 2_000], // obsolete RFC 850 form
    ["Wed, 21 Oct 2026 07:27:00 GMT", 0], // in the past: now
    ["-1", undefined], // not delay-seconds, not a date
    ["1.5", undefined],
    ["1e3", undefined],
    ["soon", undefined],
  ])("%j → %j", (header, want) => {
    expect(parseRetryAfter(header, NOW)).toBe(want);
  });
});
