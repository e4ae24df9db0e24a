import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type DiffEngine, diffSpecs, type EngineReport } from "../src/index.js";
import { loadPipelineScripts } from "../src/internal/pipeline-scripts.js";
import { runRedoclyDiff } from "../src/internal/redocly-diff.js";
import { type CorpusCase, loadCorpus, materialize } from "./helpers/corpus.js";
import { repoRoot } from "./helpers/run-cli.js";

// The rules run in process on every case, against what `redocly diff` reported for it, recorded
// in fixtures/corpus-engine-reports.json: one redocly process per case made this file the
// slowest of the suite. The recording is kept honest by the pinned version it names and by a
// sample of cases, one per area, compared with a live run of the engine every time.
// After upgrading @redocly/cli or editing a case: UPDATE_ENGINE_REPORTS=1 pnpm vitest run test/corpus.test.ts
const corpus = loadCorpus();
const work = mkdtempSync(join(tmpdir(), "spec-diff-corpus-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const recordingPath = join(import.meta.dirname, "fixtures/corpus-engine-reports.json");
interface Recording {
  redocly: string;
  reports: Record<string, EngineReport>;
}
const recording = JSON.parse(readFileSync(recordingPath, "utf8")) as Recording;
const installedRedocly = (
  createRequire(join(repoRoot, "spec/package.json"))("@redocly/cli/package.json") as { version: string }
).version;
const updating = process.env.UPDATE_ENGINE_REPORTS === "1";

/** The report without the temporary files' paths, the one part that differs between runs. */
function portable(report: EngineReport): EngineReport {
  return JSON.parse(JSON.stringify(report, (key, value) => (key === "file" ? undefined : value)));
}

const liveEngine = async (): Promise<DiffEngine> => {
  const scripts = await loadPipelineScripts();
  return async (base, head, dir) => portable(await runRedoclyDiff(scripts, base, head, dir));
};
const replay =
  (name: string): DiffEngine =>
  async () => {
    const report = recording.reports[name];
    if (!report) throw new Error(`No recorded engine report for ${name}: run with UPDATE_ENGINE_REPORTS=1.`);
    return report;
  };

async function diffCase(testCase: CorpusCase, engine: DiffEngine, folder = testCase.name) {
  const { base, head } = materialize(testCase, join(work, folder));
  // The rules' answer alone: test/compiler/reconciled-corpus.test.ts checks what the compiler makes of it.
  return diffSpecs({ base, head, overlays: [], engine, compiler: false });
}

describe("golden corpus: one change per pair, each with its expected bump and kind", () => {
  it("has at least 40 cases: parameters, bodies, responses, null, oneOf, security, servers, docs", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    const areas = new Set(corpus.map((testCase) => testCase.name.split("-")[0]));
    for (const area of ["param", "body", "resp", "null", "oneof", "security", "server", "docs"]) {
      expect(areas).toContain(area);
    }
  });

  const recorded: Record<string, EngineReport> = {};
  it.concurrent.each(corpus.map((testCase) => [testCase.name, testCase] as const))(
    "%s",
    async (name, testCase) => {
      const engine = updating ? await liveEngine() : replay(name);
      const report = await diffCase(testCase, async (...args) => {
        const result = await engine(...args);
        recorded[name] = result;
        return result;
      });
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

  afterAll(() => {
    if (!updating) return;
    const sorted = Object.fromEntries(Object.entries(recorded).sort(([a], [b]) => a.localeCompare(b)));
    const next: Recording = { redocly: installedRedocly, reports: sorted };
    writeFileSync(recordingPath, `${JSON.stringify(next, null, 1)}\n`);
  });
});

describe.skipIf(updating)("the recorded engine reports", () => {
  it("were made by the pinned @redocly/cli", () => {
    expect(recording.redocly).toBe(installedRedocly);
  });

  it("cover every case, and only the corpus's cases", () => {
    expect(Object.keys(recording.reports).sort()).toEqual(corpus.map((testCase) => testCase.name).sort());
  });

  // The first case of each area, by name.
  const area = (testCase: CorpusCase) => testCase.name.split("-")[0];
  const sample = corpus.filter(
    (testCase, index) => corpus.findIndex((other) => area(other) === area(testCase)) === index,
  );
  it.concurrent.each(sample.map((testCase) => [testCase.name, testCase] as const))(
    "are what redocly diff reports now: %s",
    async (name, testCase) => {
      let live: EngineReport | undefined;
      const engine = await liveEngine();
      await diffCase(testCase, async (...args) => (live = await engine(...args)), `${name}-live`);
      expect(live).toEqual(recording.reports[name]);
    },
  );
});
