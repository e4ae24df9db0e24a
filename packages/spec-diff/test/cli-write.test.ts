import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Report } from "../src/index.js";
import { loadCorpus, materialize } from "./helpers/corpus.js";
import { repoRoot, runSpecDiff } from "./helpers/run-cli.js";

// What the CLI writes besides stdout: a changeset, a report file. A real process, real files.
const work = mkdtempSync(join(tmpdir(), "spec-diff-cli-write-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const corpusCase = (name: string) => {
  const found = loadCorpus().find((testCase) => testCase.name === name);
  if (!found) throw new Error(`no corpus case ${name}`);
  return materialize(found, join(work, name));
};
const major = corpusCase("resp-property-removed");
const docs = corpusCase("docs-summary");
const same = { base: docs.base, head: docs.base };

describe("spec-diff CLI output files", () => {
  it.concurrent("writes the changeset into --changeset-dir, and nothing when there is no change", async () => {
    const dir = join(work, "changesets");
    mkdirSync(dir);
    const run = await runSpecDiff([
      "--base",
      major.base,
      "--head",
      major.head,
      "--no-overlay",
      "--write-changeset",
      "--changeset-dir",
      dir,
    ]);
    expect(run.code).toBe(0);
    const [file] = readdirSync(dir);
    expect(run.stderr).toContain(`wrote ${relative(repoRoot, join(dir, file ?? ""))}`);
    expect(readFileSync(join(dir, file ?? ""), "utf8")).toBe(
      [
        "---",
        '"@signalwire-voice/types": major',
        '"@signalwire-voice/client": major',
        "---",
        "",
        "Follow SignalWire's latest Voice API spec (1 breaking change).",
        "",
        "- **Breaking:** POST /calls, 201 response, `answered_by`: Property `answered_by` of `Call` was removed.",
        "",
      ].join("\n"),
    );
    const none = await runSpecDiff([
      "--base",
      same.base,
      "--head",
      same.head,
      "--no-overlay",
      "--write-changeset",
      "--changeset-dir",
      join(work, "empty"),
    ]);
    expect(none.stderr).toContain("No spec changes, so no changeset was written.");
    expect(existsSync(join(work, "empty"))).toBe(false);
  });

  it.concurrent("writes the report to --output instead of stdout", async () => {
    const output = join(work, "report.json");
    const run = await runSpecDiff([
      "--base",
      docs.base,
      "--head",
      docs.head,
      "--no-overlay",
      "--format",
      "json",
      "--output",
      output,
    ]);
    expect(run.stdout).toBe("");
    expect((JSON.parse(readFileSync(output, "utf8")) as Report).bump).toBe("patch");
  });
});
