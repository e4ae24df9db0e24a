import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diffSpecs } from "../src/index.js";
import { dropRepeatedRefSiblings, normalizeNullability } from "../src/internal/nullability.js";
import type { Json, JsonObject } from "../src/internal/parsed-spec.js";
import { loadCorpus, materialize } from "./helpers/corpus.js";

// Two spellings of one schema that generators switch between: `allOf: [$ref]` with words beside
// it, and a `$ref` whose siblings repeat its target. Both sides are normalized before the engine
// compares them, so these run the live engine (the corpus replays what it saw after normalizing).
const ref = { $ref: "#/components/schemas/Page" };
const doc = (schema: Json): JsonObject => ({
  components: {
    schemas: { Page: { type: "object", format: "page" }, Id: { type: "string", format: "uuid" }, x: schema },
  },
});
const normalized = (schema: Json) => {
  const result = dropRepeatedRefSiblings(normalizeNullability(doc(schema)) as JsonObject);
  return (result.components as { schemas: JsonObject }).schemas.x;
};

describe("one spelling for a described or annotated $ref", () => {
  it.each<[string, Json, Json]>([
    ["allOf of one $ref", { allOf: [ref] }, ref],
    [
      "allOf of one $ref, with words",
      { allOf: [ref], description: "d", examples: [{}] },
      { ...ref, description: "d", examples: [{}] },
    ],
    [
      "a $ref repeating its target's format",
      { $ref: "#/components/schemas/Id", format: "uuid" },
      { $ref: "#/components/schemas/Id" },
    ],
    [
      "allOf of one $ref, repeating its target's format",
      { allOf: [{ $ref: "#/components/schemas/Id" }], format: "uuid", description: "d" },
      { $ref: "#/components/schemas/Id", description: "d" },
    ],
    [
      "allOf of one $ref, with a format its target lacks (kept)",
      { allOf: [{ $ref: "#/components/schemas/Id" }], format: "email" },
      { allOf: [{ $ref: "#/components/schemas/Id" }], format: "email" },
    ],
    [
      "a $ref with a format its target lacks (kept)",
      { $ref: "#/components/schemas/Id", format: "email" },
      { $ref: "#/components/schemas/Id", format: "email" },
    ],
    [
      "allOf of one $ref beside a constraint (kept)",
      { allOf: [ref], minProperties: 1 },
      { allOf: [ref], minProperties: 1 },
    ],
    ["allOf of two (kept)", { allOf: [ref, { required: ["a"] }] }, { allOf: [ref, { required: ["a"] }] }],
    ["oneOf of one, not nullable (kept)", { oneOf: [ref] }, { oneOf: [ref] }],
  ])("%s", (_name, given, want) => {
    expect(normalized(given)).toEqual(want);
  });
});

const work = mkdtempSync(join(tmpdir(), "spec-diff-ref-spellings-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the engine compares through them", () => {
  it.concurrent.each([
    // corpus case → bump with the live engine
    ["resp-property-ref-to-allof", "patch"],
    ["body-property-ref-to-allof", "none"],
    ["param-ref-redundant-format", "none"],
    ["resp-property-ref-to-allof-repeated-format", "patch"],
  ])("%s → %s", async (name, bump) => {
    const testCase = loadCorpus().find((found) => found.name === name);
    if (!testCase) throw new Error(`no corpus case ${name}`);
    const { base, head } = materialize(testCase, join(work, name));
    const report = await diffSpecs({ base, head, overlays: [] });
    const seen = report.changes.map((change) => `${change.severity} ${change.kind}: ${change.message}`);
    expect(report.bump, seen.join("\n")).toBe(bump);
  });
});
