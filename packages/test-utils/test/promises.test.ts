import { describe, expect, it } from "vitest";
import { collect, settle } from "../src/index.js";

describe("settle", () => {
  it.each([
    ["a value", () => Promise.resolve(1), { value: 1 }],
    ["a rejection", () => Promise.reject(new RangeError("no")), { error: new RangeError("no") }],
  ])("%s, side by side", async (_, promise, want) => {
    expect(await settle(promise())).toEqual(want);
  });
});

describe("collect", () => {
  it("takes every item, in order", async () => {
    async function* three() {
      yield* [1, 2, 3];
    }
    expect(await collect(three())).toEqual([1, 2, 3]);
  });
});
