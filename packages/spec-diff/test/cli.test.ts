import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Report } from "../src/index.js";
import { loadCorpus, materialize } from "./helpers/corpus.js";
import { repoRoot, runSpecDiff } from "./helpers/run-cli.js";

// The CLI as users and CI run it: a real process, real files, this repo's real git history.
const work = mkdtempSync(join(tmpdir(), "spec-diff-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const corpusCase = (name: string) => {
  const found = loadCorpus().find((testCase) => testCase.name === name);
  if (!found) throw new Error(`no corpus case ${name}`);
  return materialize(found, join(work, name));
};
const minor = corpusCase("param-query-added-optional");
const major = corpusCase("resp-property-removed");
const docs = corpusCase("docs-summary");
const same = { base: minor.base, head: minor.base };

describe("spec-diff CLI", () => {
  it("prints usage with --help", async () => {
    const run = await runSpecDiff(["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Usage: pnpm spec-diff --base <file|git-ref:path>");
  });

  it.concurrent.each([
    // given bump, --fail-on → exit code
    ["minor", "none", 0, minor],
    ["minor", "major", 0, minor],
    ["minor", "minor", 1, minor],
    ["minor", "patch", 1, minor],
    ["major", "major", 1, major],
    ["patch", "minor", 0, docs],
    ["none", "patch", 0, same],
  ] as const)("a %s change with --fail-on %s exits %i", async (bump, failOn, code, pair) => {
    const run = await runSpecDiff([
      "--base",
      pair.base,
      "--head",
      pair.head,
      "--no-overlay",
      "--format",
      "json",
      "--fail-on",
      failOn,
    ]);
    expect(run.code, run.stderr).toBe(code);
    expect((JSON.parse(run.stdout) as Report).bump).toBe(bump);
    if (code === 1) expect(run.stderr).toContain(`needs a ${bump} release (--fail-on ${failOn})`);
  });

  it.concurrent("prints JSON with bump, summary and located changes", async () => {
    const run = await runSpecDiff([
      "--base",
      major.base,
      "--head",
      major.head,
      "--no-overlay",
      "--format=json",
    ]);
    const report = JSON.parse(run.stdout) as Report;
    expect(report).toMatchObject({
      bump: "major",
      summary: { major: 1, minor: 0, patch: 0 },
      overlay: false,
      // Computed once, here: the PR check and --write-changeset both read this list.
      packages: [
        { name: "@signalwire-voice/types", bump: "major" },
        { name: "@signalwire-voice/client", bump: "major" },
      ],
    });
    expect(report.changes).toEqual([
      {
        severity: "major",
        kind: "property-removed",
        confirmedBy: "compiler",
        message: "POST /calls, 201 response, `answered_by`: Property `answered_by` of `Call` was removed.",
        location: {
          file: major.base,
          side: "base",
          pointer: "#/components/schemas/Call/properties/answered_by",
          line: expect.any(Number),
        },
        directions: ["response"],
      },
    ]);
    const baseLines = readFileSync(major.base, "utf8").split("\n");
    expect(baseLines[(report.changes[0]?.location.line ?? 0) - 1]?.trim()).toBe("answered_by:");
  });

  it.concurrent("prints a PR comment in markdown, and GitHub annotations", async () => {
    const args = ["--base", minor.base, "--head", minor.head, "--no-overlay"];
    const markdown = await runSpecDiff(args);
    expect(markdown.stdout.split("\n").slice(0, 5)).toEqual([
      "<!-- spec-diff -->",
      `**Spec diff: minor release needed** — 0 breaking, 1 minor, 0 patch (\`${minor.base}\` → \`${minor.head}\`).`,
      "",
      "| Severity | Change | Where | Rule |",
      "| --- | --- | --- | --- |",
    ]);
    const github = await runSpecDiff([...args, "--format", "github"]);
    expect(github.stdout).toMatch(
      /^::warning file=.*head\.yaml,line=\d+,title=spec-diff minor%3A parameter-added::GET \/logs: query parameter `direction` was added\.$/m,
    );
    expect(github.stdout).toContain(
      "::notice title=spec-diff::Release needed: minor (0 major, 1 minor, 0 patch).",
    );
  });

  it.concurrent("reads the base from this repo's git history (<git-ref>:<path>)", async () => {
    const head = join(work, "voice-new.yaml");
    const committed = readFileSync(join(repoRoot, "spec/voice.yaml"), "utf8");
    writeFileSync(head, committed.replace("        - ending\n", ""));
    const run = await runSpecDiff([
      "--base",
      "HEAD:spec/voice.yaml",
      "--head",
      relative(repoRoot, head),
      "--format",
      "json",
    ]);
    const report = JSON.parse(run.stdout) as Report;
    expect(report).toMatchObject({ base: "HEAD:spec/voice.yaml", overlay: true, bump: "major" });
    expect(report.changes.map((change) => change.kind)).toEqual(["response-enum-narrowed"]);
  });
});
