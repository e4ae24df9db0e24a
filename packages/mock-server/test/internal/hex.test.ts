import { describe, expect, it } from "vitest";
import { hex } from "../../src/internal/hex.js";

describe("hex", () => {
  it("writes the same digits as toString(16).padStart for 1 to 12 digits", () => {
    const values = [0, 1, 15, 16, 255, 256, 4095, 0xffff, 2 ** 31, 2 ** 32 - 1, 2 ** 48 - 1, 123456789012345];
    for (let seed = 1; seed < 2000; seed++) values.push(Math.floor((Math.sin(seed) + 1) * 2 ** 47));
    for (const value of values) {
      for (let digits = 1; digits <= 12; digits++) {
        const expected = (value % 16 ** digits).toString(16).padStart(digits, "0");
        expect(hex(value, digits), `${value} in ${digits} digits`).toBe(expected);
      }
    }
  });
});
