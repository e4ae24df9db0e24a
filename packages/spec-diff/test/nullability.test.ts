import { describe, expect, it } from "vitest";
import { normalizeNullability } from "../src/internal/nullability.js";
import type { Json } from "../src/internal/parsed-spec.js";

const ref = { $ref: "#/components/schemas/LogRef" };

describe("normalizeNullability: three spellings of 'or null', one result", () => {
  it.each<[string, Json, Json]>([
    ["3.0 nullable", { type: "string", nullable: true }, { type: "string", nullable: true }],
    ["3.1 type array", { type: ["string", "null"] }, { type: "string", nullable: true }],
    [
      "oneOf with a null branch",
      { oneOf: [{ type: "string" }, { type: "null" }] },
      { type: "string", nullable: true },
    ],
    [
      "anyOf with a null branch",
      { anyOf: [{ type: "string" }, { type: "null" }] },
      { type: "string", nullable: true },
    ],
    [
      "a nullable $ref (oneOf)",
      { oneOf: [ref, { type: "null" }], description: "d" },
      { ...ref, description: "d", nullable: true },
    ],
    [
      "a nullable $ref (3.0 allOf)",
      { allOf: [ref], nullable: true, example: null },
      { ...ref, example: null, nullable: true },
    ],
    [
      "an enum with null",
      { type: ["string", "null"], enum: ["a", null] },
      { type: "string", enum: ["a"], nullable: true },
    ],
    ["null only", { type: "null" }, { type: "null", nullable: true }],
    [
      "several types and null",
      { type: ["string", "integer", "null"] },
      { type: ["string", "integer"], nullable: true },
    ],
    [
      "two variants and null",
      { oneOf: [ref, { type: "integer" }, { type: "null" }] },
      { oneOf: [ref, { type: "integer" }], nullable: true },
    ],
    ["nullable: false", { type: "string", nullable: false }, { type: "string" }],
    ["not nullable", { type: "string", enum: ["a", "b"] }, { type: "string", enum: ["a", "b"] }],
  ])("%s", (_name, given, want) => {
    expect(normalizeNullability(given)).toEqual(want);
  });

  it("rewrites schemas at any depth, but never property names or example values", () => {
    const given: Json = {
      properties: {
        nullable: { type: ["boolean", "null"] },
        type: { type: "string" },
      },
      example: { nullable: true, type: ["x", "null"] },
      "x-vendor": { type: ["string", "null"] },
    };
    expect(normalizeNullability(given)).toEqual({
      properties: { nullable: { type: "boolean", nullable: true }, type: { type: "string" } },
      example: { nullable: true, type: ["x", "null"] },
      "x-vendor": { type: ["string", "null"] },
    });
  });

  it("keeps a oneOf whose siblings would change its meaning when merged", () => {
    const given: Json = { oneOf: [{ type: "object" }, { type: "null" }], additionalProperties: false };
    expect(normalizeNullability(given)).toEqual({
      oneOf: [{ type: "object" }],
      additionalProperties: false,
      nullable: true,
    });
  });
});
