import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadCorpus, materialize } from "./helpers/corpus.js";
import { runSpecDiff } from "./helpers/run-cli.js";

// Bad input, as users and CI hit it: a real process; exit 2 and a message that says what to fix.
const work = mkdtempSync(join(tmpdir(), "spec-diff-cli-errors-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const [testCase] = loadCorpus().filter((found) => found.name === "param-query-added-optional");
if (!testCase) throw new Error("no corpus case param-query-added-optional");
const minor = materialize(testCase, join(work, testCase.name));

describe("spec-diff CLI on bad input", () => {
  it.concurrent("refuses a git ref that git would read as an option", async () => {
    const run = await runSpecDiff(["--base=-O:spec/voice.yaml", "--head", "spec/voice.yaml"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('`-O` cannot be a git ref: refs never start with "-"');
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
    [["--base", "a", "--head", "b", "--frobnicate"], "Unknown option '--frobnicate'"],
    [["--base", "-O:spec/voice.yaml", "--head", "b"], "Option '--base' argument is ambiguous"],
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
});
