import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type Report, writeChangeset } from "../src/index.js";

const root = mkdtempSync(join(tmpdir(), "spec-diff-changeset-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const manifest = (dir: string, body: object) => {
  mkdirSync(join(root, "packages", dir), { recursive: true });
  writeFileSync(join(root, "packages", dir, "package.json"), JSON.stringify(body));
};
manifest("types", { name: "@signalwire-voice/types" });
manifest("mock-server", { name: "@signalwire-voice/mock-server" });
manifest("spec-diff", { name: "@signalwire-voice/spec-diff", private: true });
// No packages/client here: a package the workspace does not have is left out (changesets would reject it).

const report = (bump: Report["bump"], changes: Report["changes"]): Report => ({
  base: "a.yaml",
  head: "b.yaml",
  overlay: true,
  bump,
  summary: {
    major: changes.filter((change) => change.severity === "major").length,
    minor: changes.filter((change) => change.severity === "minor").length,
    patch: changes.filter((change) => change.severity === "patch").length,
  },
  changes,
});
const location = { file: "b.yaml", side: "head" as const, pointer: "#/paths", line: 1 };

describe("writeChangeset", () => {
  it("names the spec's packages that exist and are published, with the bump and a line per change", () => {
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
      root,
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
    expect(writeChangeset(report("none", []), join(root, "none"), root)).toEqual({
      written: false,
      reason: "No spec changes, so no changeset was written.",
    });
  });
});
