import { describe, expect, it } from "vitest";
import { seedKey } from "../../src/internal/hash.js";
import { logId, MAX_POSITION, MIN_POSITION, positionOfId } from "../../src/internal/log-id.js";

const key = seedKey(1);

describe("log ids", () => {
  it.each([0, 1, 39, 40, 999_999, 123_456_789_012, -1, -5000, MIN_POSITION, MAX_POSITION])(
    "position %i → a v4 uuid → the same position",
    (position) => {
      const id = logId(key, position);
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(positionOfId(key, id)).toBe(position);
    },
  );

  it("never repeats", () => {
    const seen = new Set(Array.from({ length: 50_000 }, (_, position) => logId(key, position)));
    expect(seen.size).toBe(50_000);
  });

  it("does not decode under another seed, nor when one digit changes", () => {
    const id = logId(key, 42);
    expect(positionOfId(seedKey(2), id)).toBeUndefined();
    for (let k = 0; k < id.length; k++) {
      if (id[k] === "-" || k === 14) continue;
      const edited = `${id.slice(0, k)}${id[k] === "a" ? "b" : "a"}${id.slice(k + 1)}`;
      expect(positionOfId(key, edited)).toBeUndefined();
    }
  });
});
