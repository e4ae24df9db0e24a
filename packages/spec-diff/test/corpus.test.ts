import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diffSpecs } from "../src/index.js";
import { loadCorpus, materialize } from "./helpers/corpus.js";

const corpus = loadCorpus();
const work = mkdtempSync(join(tmpdir(), "spec-diff-corpus-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("golden corpus: one change per pair, each with its expected bump and kind", () => {
  it("has at least 40 cases: parameters, bodies, responses, null, oneOf, security, servers, docs", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    const areas = new Set(corpus.map((testCase) => testCase.name.split("-")[0]));
    for (const area of ["param", "body", "resp", "null", "oneof", "security", "server", "docs"]) {
      expect(areas).toContain(area);
    }
  });

  it.concurrent.each(corpus.map((testCase) => [testCase.name, testCase] as const))(
    "%s",
    async (name, testCase) => {
      const { base, head } = materialize(testCase, join(work, name));
      const report = await diffSpecs({ base, head, overlays: [] });
      const seen = report.changes.map((change) => `${change.severity} ${change.kind}: ${change.message}`);
      expect(report.bump, seen.join("\n")).toBe(testCase.bump);
      if (testCase.kind) {
        const top = report.changes
          .filter((change) => change.severity === report.bump)
          .map((change) => change.kind);
        expect(top, seen.join("\n")).toContain(testCase.kind);
      } else {
        expect(report.changes, seen.join("\n")).toEqual([]);
      }
      // Every change points at a real line of the file it names.
      for (const change of report.changes) expect(change.location.line).toBeGreaterThan(0);
    },
  );
});
