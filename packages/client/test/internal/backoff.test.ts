import { describe, expect, it } from "vitest";
import { backoffDelay } from "../../src/internal/backoff.js";

describe("backoffDelay", () => {
  const settings = { initialDelayMs: 500, maxDelayMs: 8_000 };
  it.each([
    // attempt, random → wait: half fixed, half random, doubling, capped
    [1, 0, 250],
    [1, 0.999_999, 500],
    [1, 0.5, 375],
    [2, 0, 500],
    [2, 0.5, 750],
    [3, 0.5, 1_500],
    [5, 0.5, 6_000],
    [6, 0, 4_000], // 16 000 capped to 8 000
    [6, 0.999_999, 8_000],
    [40, 0.5, 6_000], // no overflow: still the cap
  ])("attempt %i with random %f waits %i ms", (attempt, random, want) => {
    expect(backoffDelay(attempt, { ...settings, random: () => random })).toBe(want);
  });

  it("waits 0 ms when the initial delay is 0 (how tests retry without waiting)", () => {
    expect(backoffDelay(3, { initialDelayMs: 0, maxDelayMs: 8_000, random: () => 0.9 })).toBe(0);
  });
});
