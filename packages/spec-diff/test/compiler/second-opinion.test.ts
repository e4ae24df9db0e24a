import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { secondOpinion } from "../../src/internal/compiler/second-opinion.js";
import type { JsonObject } from "../../src/internal/parsed-spec.js";
import { type ParsedSpec, parseSpec } from "../../src/internal/parsed-spec.js";
import type { Change } from "../../src/report.js";
import { corpusDir } from "../helpers/corpus.js";

const work = mkdtempSync(join(tmpdir(), "spec-diff-second-opinion-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const text = readFileSync(join(corpusDir, "base.yaml"), "utf8");
const doc = parse(text) as JsonObject;
const spec: ParsedSpec = parseSpec({ label: "base.yaml", path: "base.yaml", text }, "base");
const side = { doc, path: join(work, "side.json"), bundled: doc };
writeFileSync(side.path, JSON.stringify(doc));
const major: Change = {
  severity: "major",
  kind: "schema-constraint-changed",
  message: "GET /logs, query parameter `page_size`: Upper bound changed.",
  location: {
    file: "base.yaml",
    side: "head",
    pointer: "#/paths/~1logs/get/parameters/0/schema/maximum",
    line: 1,
  },
  directions: ["request"],
};

describe("secondOpinion", () => {
  it("when the types cannot be generated, says why and keeps the rules' answer", async () => {
    const scripts = {
      generateTypes: async () => {
        throw new Error("Unsupported OpenAPI version: 4.0\nat somewhere");
      },
    };
    const result = await secondOpinion([major], {
      scripts,
      before: side,
      after: side,
      base: spec,
      head: spec,
      workDir: work,
    });
    expect(result).toEqual({
      changes: [major],
      compiler: {
        status: "failed",
        error: "Unsupported OpenAPI version: 4.0",
        operations: [],
        schemas: [],
        removedNames: [],
      },
      disagreements: [],
    });
  });
});
