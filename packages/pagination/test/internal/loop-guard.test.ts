import { describe, expect, it } from "vitest";
import { loopGuard } from "../../src/internal/loop-guard.js";

/** How many keys after the first it takes to see a repeat, for keys 0, 1, … cycling from `start` with `length`. */
function keysUntilCaught(start: number, length: number, first = "k0"): number {
  const seen = loopGuard(first);
  for (let index = 1; index < 100_000; index++) {
    const position = index < start + length ? index : start + ((index - start) % length);
    if (seen(`k${position}`)) return index;
  }
  return Number.POSITIVE_INFINITY;
}

describe("loopGuard", () => {
  it("sees no repeat in keys that never repeat", () => {
    const seen = loopGuard(undefined);
    for (let index = 0; index < 10_000; index++) expect(seen(`k${index}`)).toBe(false);
  });

  it("catches a key equal to the one before it at once", () => {
    const seen = loopGuard("a");
    expect([seen("b"), seen("c"), seen("c")]).toEqual([false, false, true]);
    expect(loopGuard("a")("a")).toBe(true);
  });

  it("catches every cycle within 2·max(start, length) + length keys, for starts and lengths up to 64", () => {
    for (let start = 0; start <= 64; start++) {
      for (let length = 1; length <= 64; length++) {
        const caught = keysUntilCaught(start, length);
        // Never before the cycle has come round once, never much after.
        expect(caught).toBeGreaterThanOrEqual(start + length);
        expect(caught).toBeLessThanOrEqual(2 * Math.max(start, length) + length);
      }
    }
  });
});
