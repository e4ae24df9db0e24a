import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type Report, writeChangeset } from "../src/index.js";

const root = mkdtempSync(join(tmpdir(), "spec-diff-changeset-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const report = (
  bump: Report["bump"],
  changes: Report["changes"],
  packages: Report["packages"] = bump === "none" ? [] : [{ name: "@signalwire-voice/types", bump }],
): Report => ({
  base: "a.yaml",
  head: "b.yaml",
  overlay: true,
  bump,
  summary: {
    major: changes.filter((change) => change.severity === "major").length,
    minor: changes.filter((change) => change.severity === "minor").length,
    patch: changes.filter((change) => change.severity === "patch").length,
  },
  packages,
  changes,
  compiler: { status: "skipped", operations: [], schemas: [], removedNames: [] },
  disagreements: [],
});
const location = { file: "b.yaml", side: "head" as const, pointer: "#/paths", line: 1 };

describe("writeChangeset", () => {
  it("names the report's packages, with their bump and a line per change", () => {
    const result = writeChangeset(
      report("minor", [
        {
          severity: "minor",
          kind: "parameter-added",
          message: "GET /logs: query parameter `direction` was added.",
          location,
          directions: ["request"],
        },
        {
          severity: "patch",
          kind: "docs-changed",
          message: "GET /logs: description changed.",
          location,
          directions: [],
        },
      ]),
      join(root, ".changeset"),
    );
    expect(result).toMatchObject({
      written: true,
      packages: [{ name: "@signalwire-voice/types", bump: "minor" }],
    });
    const [file] = readdirSync(join(root, ".changeset"));
    expect(file).toMatch(/^spec-[0-9a-f]{10}\.md$/);
    expect(readFileSync(join(root, ".changeset", file ?? ""), "utf8")).toBe(
      [
        "---",
        '"@signalwire-voice/types": minor',
        "---",
        "",
        "Follow SignalWire's latest Voice API spec (1 new or widened, 1 docs or detail changes).",
        "",
        "- GET /logs: query parameter `direction` was added.",
        "- Docs: GET /logs: description changed.",
        "",
      ].join("\n"),
    );
  });

  it("writes nothing, and says so, when nothing changed", () => {
    expect(writeChangeset(report("none", []), join(root, "none"))).toEqual({
      written: false,
      reason: "No spec changes, so no changeset was written.",
    });
  });

  it("writes nothing, and says so, when no published package re-exposes the spec", () => {
    const change = { severity: "major" as const, kind: "x", message: "m", location, directions: [] };
    expect(writeChangeset(report("major", [change], []), join(root, "empty"))).toEqual({
      written: false,
      reason: "No published package re-exposes the spec; no changeset written.",
    });
  });
});
