import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
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
    });
    expect(report.changes).toEqual([
      {
        severity: "major",
        kind: "property-removed",
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
      `**Spec diff: minor release needed** — 0 breaking, 1 additive, 0 docs-only (\`${minor.base}\` → \`${minor.head}\`).`,
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

  it.concurrent.each([
    [
      ["--base", "no-such-branch:spec/voice.yaml", "--head", "spec/voice.yaml"],
      "`no-such-branch` is not a commit, branch or tag here",
    ],
    [
      ["--base", "HEAD:spec/missing.yaml", "--head", "spec/voice.yaml"],
      "`spec/missing.yaml` is not in `HEAD`",
    ],
    [
      ["--base", "nowhere/voice.yaml", "--head", "spec/voice.yaml"],
      "The base spec `nowhere/voice.yaml` does not exist",
    ],
    [["--base", "spec/voice.yaml"], "Both --base and --head are required (got no --head)"],
    [
      ["--base", "a", "--head", "b", "--format", "html"],
      "--format must be one of markdown, json, github (got `html`)",
    ],
    [
      ["--base", "a", "--head", "b", "--fail-on", "breaking"],
      "--fail-on must be major, minor, patch or none",
    ],
    [["--base", "a", "--head", "b", "--frobnicate"], "Unknown argument `--frobnicate`"],
  ])("exits 2 and says what to fix: %j", async (args, message) => {
    const run = await runSpecDiff(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe("");
  });

  it.concurrent.each([
    ["not YAML", "openapi: 3.1.0\npaths: {\n", "is not valid YAML at line"],
    ["not OpenAPI", "swagger: '2.0'\n", "is not an OpenAPI 3.x document (found Swagger 2.0)"],
  ])("exits 2 on a head that is %s", async (name, text, message) => {
    const head = join(work, `${name.replace(/\W/g, "-")}.yaml`);
    writeFileSync(head, text);
    const run = await runSpecDiff(["--base", minor.base, "--head", head, "--no-overlay"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`The head spec \`${head}\` ${message}`);
  });

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
