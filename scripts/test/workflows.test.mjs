// @ts-check
// The real workflows pass every check, and YAML, the schema and actionlint each fail on a copy
// of them broken on purpose (our policy's rules: workflow-policy.test.mjs).
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { repoRoot } from "../lib/apis.mjs";
import { SPEC_INPUTS } from "../workflow-lint/rules.mjs";
import { formatFinding, validateWorkflows } from "../workflow-lint/validate.mjs";
import { pathTriggers } from "../workflow-lint/workflow.mjs";
import { describeMutations, real, replace, validators } from "./workflow-mutations.mjs";

describe("the workflows in .github/workflows", () => {
  test("are the four we expect", () => {
    assert.deepEqual([...real.keys()].sort(), [
      "ci.yml",
      "release.yml",
      "spec-diff-comment.yml",
      "spec-diff.yml",
    ]);
  });
  test("fit together: workflow_run names a workflow we have, and downloads the artifact it uploads", () => {
    /** @type {Map<string, any>} */
    const parsed = new Map(
      [...real].map(([file, text]) => [file, validators().yaml.parseDocument(text).toJS()]),
    );
    const names = [...parsed.values()].map((data) => data.name);
    const comment = parsed.get("spec-diff-comment.yml");
    assert.deepEqual(comment.on.workflow_run.workflows, [parsed.get("spec-diff.yml").name]);
    assert.ok(names.includes(comment.on.workflow_run.workflows[0]));
    const stepsOf = (/** @type {any} */ data) =>
      Object.values(data.jobs).flatMap((job) => /** @type {any} */ (job).steps);
    const uploaded = stepsOf(parsed.get("spec-diff.yml")).find((step) =>
      step.uses?.startsWith("actions/upload-artifact@"),
    );
    const downloaded = stepsOf(comment).find((step) => step.uses?.startsWith("actions/download-artifact@"));
    assert.equal(downloaded.with.name, uploaded.with.name);
    assert.match(
      real.get("spec-diff-comment.yml") ?? "",
      new RegExp(`artifact\\.name === "${uploaded.with.name}"`),
    );
    assert.deepEqual(uploaded.with.path.trim().split("\n").sort(), [
      "spec-diff/comment.md",
      "spec-diff/pr-number",
      "spec-diff/report.json",
    ]);
  });

  test("parse, match the schema, pass actionlint and follow the policy", async () => {
    const findings = await validateWorkflows(
      [...real].map(([file, text]) => ({ file, text })),
      validators(),
    );
    assert.deepEqual(findings.map(formatFinding), []);
  });
});

describe("which pull requests get a spec diff", () => {
  test("every input of the published types in SPEC_INPUTS exists (the list has not gone stale)", () => {
    for (const file of SPEC_INPUTS) assert.ok(existsSync(join(repoRoot, file)), `${file} exists`);
  });

  test("spec-diff.yml runs for each of them and the spec's folder, not for the spec's own tests or the rest", () => {
    /** @type {any} */
    const workflow = validators()
      .yaml.parseDocument(real.get("spec-diff.yml") ?? "")
      .toJS();
    const filter = workflow.on.pull_request;
    for (const file of [...SPEC_INPUTS, "spec/overlays/new.yaml", "spec/provenance/x.json"])
      assert.equal(pathTriggers(filter, file), true, file);
    for (const file of [
      "spec/test/fixture.yaml",
      "README.md",
      "scripts/bench.mjs",
      "packages/client/src/index.ts",
    ])
      assert.equal(pathTriggers(filter, file), false, file);
  });

  /** @type {[string, Record<string, string[]>, string, boolean][]} */
  const globs = [
    ["no filter: every change", {}, "x/y.md", true],
    ["** crosses folders", { paths: ["spec/**"] }, "spec/a/b.yaml", true],
    ["* stays in its folder", { paths: ["spec/*"] }, "spec/a/b.yaml", false],
    ["**/ matches at any depth, the top too", { paths: ["**/package.json"] }, "package.json", true],
    ["a dot is a dot", { paths: ["redocly.yaml"] }, "redoclyXyaml", false],
    [
      "the last matching pattern wins (excluded)",
      { paths: ["spec/**", "!spec/test/**"] },
      "spec/test/a",
      false,
    ],
    ["the last matching pattern wins (included again)", { paths: ["!a.md", "a.md"] }, "a.md", true],
    ["paths-ignore", { "paths-ignore": ["docs/**"] }, "docs/a.md", false],
  ];
  for (const [name, filter, file, want] of globs) {
    test(`pathTriggers: ${name}`, () => assert.equal(pathTriggers(filter, file), want));
  }
});

/** A GitHub expression, written so it never looks like a JS template placeholder. @param {string} inner */
const expr = (inner) => `\${{ ${inner} }}`;

/** @type {import("./workflow-mutations.mjs").Mutation[]} name, workflow, mutation, rule that must fire */
const mutations = [
  // YAML and schema
  ["a duplicate key", "ci.yml", (t) => replace(t, "name: CI\n", "name: CI\nname: CI again\n"), "yaml"],
  ["a job without runs-on", "ci.yml", (t) => replace(t, "    runs-on: ubuntu-latest\n", ""), "schema"],
  [
    "an unknown step key",
    "ci.yml",
    (t) => replace(t, "      - run: bash .ci/run\n", "      - run: bash .ci/run\n        withh: x\n"),
    "schema",
  ],
  ["a misspelt event", "ci.yml", (t) => replace(t, "  pull_request:\n", "  pull_requests:\n"), "schema"],
  // actionlint
  [
    "an undefined context",
    "ci.yml",
    (t) => replace(t, "timeout-minutes: 60", `timeout-minutes: ${expr("foo.bar")}`),
    "actionlint:expression",
  ],
  [
    "needs of a missing job",
    "release.yml",
    (t) => replace(t, "    needs: version\n", "    needs: versions\n"),
    "actionlint:job-needs",
  ],
  [
    "a bad permission level",
    "spec-diff.yml",
    (t) => replace(t, "  contents: read\n", "  contents: reed\n"),
    "actionlint:permissions",
  ],
];

describeMutations("a broken copy fails the check", mutations);
