// @ts-check
// The arithmetic of docs/bench.md: medians, spreads and per-round ratios.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { perRound, summarize } from "../src/stats.mjs";

describe("summarize", () => {
  /** @type {Array<[number[], { median: number; min: number; max: number; n: number }]>} */
  const table = [
    [[3], { median: 3, min: 3, max: 3, n: 1 }],
    [[3, 1, 2], { median: 2, min: 1, max: 3, n: 3 }],
    [[10, 1, 3, 2], { median: 2.5, min: 1, max: 10, n: 4 }],
  ];
  for (const [samples, want] of table) {
    test(`${JSON.stringify(samples)} → median ${want.median}`, () =>
      assert.deepEqual(summarize(samples), want));
  }
  test("no samples: NaN, not a number that looks measured", () => {
    assert.ok(Number.isNaN(summarize([]).median));
  });
});

describe("perRound", () => {
  test("divides round by round", () => assert.deepEqual(perRound([2, 9], [1, 3]), [2, 3]));
  test("refuses sides of different lengths", () =>
    assert.throws(() => perRound([1], [1, 2]), /1 samples against 2/));
});
