import { describe, expect, it } from "vitest";
import { formatGithub, formatJson, formatMarkdown, type Report } from "../src/index.js";

const report: Report = {
  base: "main:spec/voice.yaml",
  head: "spec/voice.yaml",
  overlay: true,
  bump: "major",
  summary: { major: 1, minor: 1, patch: 1 },
  packages: [
    { name: "@signalwire-voice/types", bump: "major" },
    { name: "@signalwire-voice/client", bump: "major" },
  ],
  changes: [
    {
      severity: "major",
      kind: "parameter-removed",
      confirmedBy: "compiler",
      message: "GET /logs: `created_after` query parameter was removed.",
      location: {
        file: "main:spec/voice.yaml",
        side: "base",
        pointer: "#/paths/~1logs/get/parameters/3",
        line: 40,
      },
      directions: ["request"],
    },
    {
      severity: "minor",
      kind: "parameter-added",
      message: "GET /logs: query parameter `direction` was added, with a | pipe.",
      location: {
        file: "spec/voice.yaml",
        side: "head",
        pointer: "#/paths/~1logs/get/parameters/7",
        line: 72,
      },
      directions: ["request"],
    },
    {
      severity: "patch",
      kind: "docs-changed",
      message: "GET /logs: description changed,\n100% better.",
      location: {
        file: "spec/voice.yaml",
        side: "head",
        pointer: "#/paths/~1logs/get/description",
        line: 10,
      },
      directions: [],
    },
  ],
  compiler: {
    status: "checked",
    typescript: "5.9.3",
    operations: [
      {
        subject: "GET /logs",
        presence: "compared",
        verdict: "breaks",
        changed: true,
        checks: [
          {
            target: "query",
            flow: "request",
            verdict: "breaks",
            changed: true,
            diagnostic: "`created_after` is no longer accepted (the new type has no such key)",
          },
          { target: "200 application/json", flow: "response", verdict: "compatible", changed: false },
        ],
      },
      {
        subject: "GET /logs/{id}",
        presence: "compared",
        verdict: "compatible",
        changed: false,
        checks: [{ target: "path", flow: "request", verdict: "compatible", changed: false }],
      },
      { subject: "POST /calls", presence: "added", verdict: "compatible", changed: true, checks: [] },
    ],
    schemas: [],
    removedNames: ['components["schemas"]["LogStatus"]'],
  },
  disagreements: [
    {
      kind: "rule-major-compiler-compatible",
      subjects: ["GET /logs › query"],
      rule: {
        kind: "schema-constraint-changed",
        severity: "major",
        message: "GET /logs, query parameter `page_size`: Upper bound was set to '<= 1000'.",
        pointer: "#/paths/~1logs/get/parameters/0/schema/maximum",
      },
      compiler: { verdict: "compatible" },
      severity: "patch",
    },
  ],
};

describe("formatters", () => {
  it("markdown: a marker for the sticky comment, one summary line, then a table by severity", () => {
    expect(formatMarkdown(report)).toMatchInlineSnapshot(`
      "<!-- spec-diff -->
      **Spec diff: major release needed** — 1 breaking, 1 minor, 1 patch (docs-only) (\`main:spec/voice.yaml\` → \`spec/voice.yaml\`, with the SDK overlay).

      | Severity | Change | Where | Rule |
      | --- | --- | --- | --- |
      | 🔴 major | GET /logs: \`created_after\` query parameter was removed. | \`main:spec/voice.yaml:40\` <sub>#/paths/~1logs/get/parameters/3</sub> | \`parameter-removed\` <sub>compiler</sub> |
      | 🟡 minor | GET /logs: query parameter \`direction\` was added, with a \\| pipe. | \`spec/voice.yaml:72\` <sub>#/paths/~1logs/get/parameters/7</sub> | \`parameter-added\` |
      | ⚪ patch | GET /logs: description changed, 100% better. | \`spec/voice.yaml:10\` <sub>#/paths/~1logs/get/description</sub> | \`docs-changed\` |

      ### Compiler

      TypeScript 5.9.3 over both sides' generated types: 1 of 3 operations break, 1 changed compatibly, 1 unchanged; exported names removed: 1.

      | Operation | Compiler | Where |
      | --- | --- | --- |
      | \`GET /logs\` | 🔴 breaks | \`query\`: \`created_after\` is no longer accepted (the new type has no such key) |
      | \`POST /calls\` | 🟢 added |  |

      Removed names: \`components["schemas"]["LogStatus"]\`.

      **Disagreements: a rule said major, the compiler sees no break** (1, downgraded):
      - \`schema-constraint-changed\`: GET /logs, query parameter \`page_size\`: Upper bound was set to '<= 1000'. — compiler: compatible in \`GET /logs › query\` → patch
      "
    `);
    expect(
      formatMarkdown({
        ...report,
        bump: "none",
        changes: [],
        summary: { major: 0, minor: 0, patch: 0 },
        disagreements: [],
      }),
    ).toBe(
      "<!-- spec-diff -->\n**Spec diff: no changes** between `main:spec/voice.yaml` and `spec/voice.yaml`.\n",
    );
  });

  it("markdown: a patch change is called docs only when it is one", () => {
    const relaxed = {
      ...(report.changes[2] as Report["changes"][number]),
      kind: "schema-maximum-modified",
      message: "GET /logs, query parameter `page_size`: `maximum` changed from 1000 to 2000.",
    };
    const summaryLine = (changes: Report["changes"]) =>
      formatMarkdown({
        ...report,
        bump: "patch",
        changes,
        summary: { major: 0, minor: 0, patch: changes.length },
      })
        .split("\n")[1]
        ?.replace(/ \(`.*$/, "");
    expect(summaryLine([relaxed])).toBe("**Spec diff: patch release needed** — 0 breaking, 0 minor, 1 patch");
    expect(summaryLine([relaxed, report.changes[2] as Report["changes"][number]])).toBe(
      "**Spec diff: patch release needed** — 0 breaking, 0 minor, 2 patch (1 docs-only)",
    );
  });

  it("github: error/warning/notice on the file and line (a git-ref side on its path), escaped, then the disagreements", () => {
    expect(formatGithub(report).split("\n")).toEqual([
      "::error file=spec/voice.yaml,line=40,title=spec-diff major%3A parameter-removed::GET /logs: `created_after` query parameter was removed.",
      "::warning file=spec/voice.yaml,line=72,title=spec-diff minor%3A parameter-added::GET /logs: query parameter `direction` was added, with a | pipe.",
      "::notice file=spec/voice.yaml,line=10,title=spec-diff patch%3A docs-changed::GET /logs: description changed,%0A100%25 better.",
      "::notice title=spec-diff disagreement::schema-constraint-changed said major; the compiler sees no break in GET /logs › query: now patch.",
      "::notice title=spec-diff::Release needed: major (1 major, 1 minor, 1 patch).",
      "",
    ]);
  });

  it("json: the report itself, with top-level bump and changes", () => {
    expect(JSON.parse(formatJson(report))).toEqual(report);
  });
});
