import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { diffSpecs, type EngineReport, type Report } from "../../src/index.js";
import { loadCorpus, materialize } from "../helpers/corpus.js";

// Corpus cases (each rated by the rules in test/corpus.test.ts, against the recorded engine
// reports) with the compiler judging too: the final bump, and where the two disagree.
const work = mkdtempSync(join(tmpdir(), "spec-diff-reconciled-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const corpus = loadCorpus();
const recorded = (
  JSON.parse(readFileSync(join(import.meta.dirname, "../fixtures/corpus-engine-reports.json"), "utf8")) as {
    reports: Record<string, EngineReport>;
  }
).reports;

async function reconciled(name: string): Promise<Report> {
  const testCase = corpus.find((each) => each.name === name);
  const engineReport = recorded[name];
  if (!testCase || !engineReport)
    throw new Error(`No corpus case (or recorded engine report) named ${name}.`);
  const { base, head } = materialize(testCase, join(work, name));
  return diffSpecs({ base, head, overlays: [], engine: async () => engineReport });
}

describe("the rules and the compiler together, on corpus cases", () => {
  it.concurrent.each<
    [
      string,
      Report["bump"],
      "compiler" | "wire-level" | undefined,
      Report["disagreements"][number]["kind"] | undefined,
    ]
  >([
    // Both see the break: the major stands, confirmed by the compiler.
    ["param-query-added-required", "major", "compiler", undefined],
    ["resp-property-removed", "major", "compiler", undefined],
    ["resp-enum-value-added", "major", "compiler", undefined],
    ["resp-enum-value-removed", "major", "compiler", undefined],
    ["resp-status-removed", "major", "compiler", undefined],
    ["body-type-narrowed", "major", "compiler", undefined],
    ["body-property-removed", "major", "compiler", undefined],
    ["component-renamed", "major", "compiler", undefined],
    ["operation-id-changed", "major", "compiler", undefined],
    // Breaks the types cannot show: the rule's major stands as wire-level.
    ["param-serialization-changed", "major", "wire-level", undefined],
    ["server-removed", "major", "wire-level", undefined],
    ["security-scheme-changed", "major", "wire-level", undefined],
    ["operation-removed", "major", "wire-level", undefined],
    // A rule said major; the types did not change (patch) or changed compatibly (minor).
    // A tighter bound: the types stay `number`, but the server refuses values it accepted.
    ["param-maximum-tightened", "major", "wire-level", undefined],
    // integer → number: the same generated `number`, but a fraction may now arrive.
    ["resp-type-widened", "major", "wire-level", undefined],
    ["param-schema-removed", "patch", undefined, "rule-major-compiler-compatible"],
    // Headers keep an index signature (`[name: string]: unknown`), so the same code compiles,
    // but a header a caller reads is no longer sent: wire-level.
    ["resp-header-removed", "major", "wire-level", undefined],
    ["resp-header-schema-removed", "major", "compiler", undefined],
    // `readonly` does not change assignability: its own check finds the key that became readonly.
    ["resp-property-read-only", "major", "compiler", undefined],
    // The compiler finds a break the rules rated minor: code comparing `kind` with another string.
    ["resp-discriminator-added", "major", "compiler", "compiler-break-rule-missed"],
    // Agreement below major: nothing to reconcile.
    ["resp-property-added", "minor", undefined, undefined],
    ["docs-summary", "patch", undefined, undefined],
  ])("%s: %s", async (name, bump, confirmedBy, disagreement) => {
    const report = await reconciled(name);
    const seen = report.changes
      .map((change) => `${change.severity} ${change.kind}: ${change.message}`)
      .join("\n");
    expect(report.compiler.status).toBe("checked");
    expect(report.bump, seen).toBe(bump);
    if (confirmedBy) expect(report.changes.map((change) => change.confirmedBy)).toContain(confirmedBy);
    expect(report.disagreements.map((entry) => entry.kind)).toEqual(disagreement ? [disagreement] : []);
    // Every major of the final answer says why it is one.
    for (const change of report.changes.filter((each) => each.severity === "major")) {
      expect(change.confirmedBy, change.message).toMatch(/^(compiler|wire-level)$/);
    }
  });

  it("a downgrade keeps both answers: the rule's kind and message, the compiler's verdict", async () => {
    const report = await reconciled("param-schema-removed");
    expect(report.disagreements).toEqual([
      {
        kind: "rule-major-compiler-compatible",
        subjects: expect.arrayContaining([expect.stringMatching(/^GET \/logs/)]),
        rule: expect.objectContaining({
          severity: "major",
          message: expect.any(String),
          pointer: expect.any(String),
        }),
        compiler: { verdict: "compatible" },
        severity: "patch",
      },
    ]);
    const [rule] = report.disagreements.map((entry) => entry.rule?.kind);
    expect(report.changes.find((change) => change.kind === rule)?.severity).toBe("patch");
  });

  it("a downgraded major hides no break of the compiler's in the same operation", async () => {
    // Both in GET /logs' 200 response, with the real engine: A, `oneOf` → `anyOf` in `Log`
    // (a rule's major; the same TypeScript type, so downgraded); B, a discriminator added on
    // `LogList.endpoint` (a break only the compiler sees). A must not cover B.
    const base = parse(readFileSync(join(import.meta.dirname, "../corpus/base.yaml"), "utf8"));
    const schemas = base.components.schemas;
    schemas.Log.properties.source = { oneOf: [{ type: "string" }, { type: "integer" }] };
    schemas.PhoneEndpoint = {
      type: "object",
      properties: { kind: { type: "string" }, number: { type: "string" } },
    };
    schemas.SipEndpoint = {
      type: "object",
      properties: { kind: { type: "string" }, uri: { type: "string" } },
    };
    schemas.LogList.properties.endpoint = {
      oneOf: [{ $ref: "#/components/schemas/PhoneEndpoint" }, { $ref: "#/components/schemas/SipEndpoint" }],
    };
    const head = structuredClone(base);
    head.components.schemas.Log.properties.source = { anyOf: [{ type: "string" }, { type: "integer" }] };
    head.components.schemas.LogList.properties.endpoint.discriminator = { propertyName: "kind" };
    const dir = join(work, "downgrade-hides-nothing");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "base.yaml"), stringify(base));
    writeFileSync(join(dir, "head.yaml"), stringify(head));
    const report = await diffSpecs({
      base: join(dir, "base.yaml"),
      head: join(dir, "head.yaml"),
      overlays: [],
    });
    expect(report.bump).toBe("major");
    expect(report.disagreements.map((entry) => entry.kind).sort()).toEqual([
      "compiler-break-rule-missed",
      "rule-major-compiler-compatible",
    ]);
  });

  it("a break only the compiler sees becomes a major change, with the compiler's words", async () => {
    const report = await reconciled("resp-discriminator-added");
    const added = report.changes.find((change) => change.kind === "compiler-break");
    expect(added).toMatchObject({ severity: "major", confirmedBy: "compiler", location: { side: "head" } });
    expect(report.disagreements[0]).toMatchObject({
      kind: "compiler-break-rule-missed",
      subjects: ['components["schemas"]["Call"]', "POST /calls"],
      compiler: { verdict: "breaks", diagnostic: expect.stringContaining("kind") },
      severity: "major",
    });
  });

  it("without the compiler, the rules' answer stands", async () => {
    const testCase = corpus.find((each) => each.name === "param-maximum-tightened");
    const engineReport = recorded["param-maximum-tightened"];
    if (!testCase || !engineReport) throw new Error("param-maximum-tightened is missing");
    const { base, head } = materialize(testCase, join(work, "without"));
    const report = await diffSpecs({
      base,
      head,
      overlays: [],
      engine: async () => engineReport,
      compiler: false,
    });
    expect(report).toMatchObject({ bump: "major", compiler: { status: "skipped" }, disagreements: [] });
  });
});
