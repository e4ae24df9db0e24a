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
    // The obsolete RFC 850 and asctime forms (no server of this decade sends them): normal backoff.
    ["Wednesday, 21-Oct-26 07:28:02 GMT", undefined],
    ["Wed, 21 Oct 2026 07:27:00 GMT", 0], // in the past: now
    ["-1", undefined], // not delay-seconds, not a date
    ["1.5", undefined],
    ["1e3", undefined],
    ["soon", undefined],
    ["Wed Oct 21 07:28:03 2026", undefined],
    // What `Date.parse` reads leniently is no HTTP-date: normal backoff, not an immediate retry.
    ["x 1", undefined],
    ["1 x", undefined],
    ["2026-10-21T07:28:05Z", undefined],
    ["Wed, 21 Oct 2026 07:28:05 UTC", undefined],
    ["wed, 21 oct 2026 07:28:05 gmt", undefined],
    ["Wed, 21 Oct 2026 07:28:05 GMT trailing", undefined],
  ])("%j → %j", (header, want) => {
    expect(parseRetryAfter(header, NOW)).toBe(want);
  });
});
