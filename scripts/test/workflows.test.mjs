// @ts-check
// The real workflows pass every check, and each rule fails on a copy of them broken on purpose.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, test } from "node:test";
import { repoRoot } from "../lib/apis.mjs";
import { formatFinding, loadValidators, validateWorkflows } from "../workflow-lint/validate.mjs";

const dir = join(repoRoot, ".github/workflows");
const real = new Map(readdirSync(dir).map((file) => [file, readFileSync(join(dir, file), "utf8")]));
/** @type {Awaited<ReturnType<typeof loadValidators>>} */
let validators;
before(async () => {
  validators = await loadValidators({ log: () => {} });
});

/**
 * `text` with `from` replaced by `to`; fails the test if `from` is not there, so a mutation
 * never silently stops applying when a workflow is edited.
 * @param {string} text @param {string | RegExp} from @param {string} to
 */
function replace(text, from, to) {
  const next = text.replace(from, to);
  assert.notEqual(next, text, `mutation did not apply: ${from}`);
  return next;
}

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
      [...real].map(([file, text]) => [file, validators.yaml.parseDocument(text).toJS()]),
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

  test("parse, match the schema, pass actionlint and follow the policy", () => {
    const findings = validateWorkflows(
      [...real].map(([file, text]) => ({ file, text })),
      validators,
    );
    assert.deepEqual(findings.map(formatFinding), []);
  });
});

/** A GitHub expression, written so it never looks like a JS template placeholder. @param {string} inner */
const expr = (inner) => `\${{ ${inner} }}`;
const CHECKOUT = "actions/checkout@08eba0b27e820071cde6df949e0beb9ba4906955 # v4.3.0";

/** @type {[string, string, (text: string) => string, string][]} name, workflow, mutation, rule that must fire */
const mutations = [
  // YAML and schema
  ["a duplicate key", "ci.yml", (t) => replace(t, "name: CI\n", "name: CI\nname: CI again\n"), "yaml"],
  ["a job without runs-on", "ci.yml", (t) => replace(t, "    runs-on: ubuntu-latest\n", ""), "schema"],
  [
    "an unknown step key",
    "ci.yml",
    (t) => replace(t, "      - run: npm test\n", "      - run: npm test\n        withh: x\n"),
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
  // pinning
  ["an action on a tag", "ci.yml", (t) => replace(t, CHECKOUT, "actions/checkout@v4"), "pinned-actions"],
  [
    "a SHA without its version comment",
    "ci.yml",
    (t) => replace(t, CHECKOUT, CHECKOUT.replace(/ # v4\.3\.0$/, "")),
    "pinned-actions",
  ],
  [
    "a flow-style step hiding its uses",
    "ci.yml",
    (t) =>
      replace(t, "      - run: npm test\n", "      - { uses: actions/checkout@v4 }\n      - run: npm test\n"),
    "pinned-actions",
  ],
  [
    "an action we did not verify",
    "ci.yml",
    (t) => replace(t, CHECKOUT, "someone/checkout@08eba0b27e820071cde6df949e0beb9ba4906955 # v4.3.0"),
    "allowed-actions",
  ],
  [
    "another commit of an allowed action",
    "ci.yml",
    (t) => replace(t, CHECKOUT, "actions/checkout@1111111111111111111111111111111111111111 # v4.3.0"),
    "allowed-actions",
  ],
  [
    "a wrong version comment",
    "ci.yml",
    (t) => replace(t, CHECKOUT, CHECKOUT.replace("v4.3.0", "v4.2.2")),
    "allowed-actions",
  ],
  // permissions
  [
    "no top-level permissions",
    "ci.yml",
    (t) => replace(t, "permissions:\n  contents: read\n\n", ""),
    "top-level-permissions",
  ],
  [
    "a top-level write",
    "spec-diff.yml",
    (t) => replace(t, "permissions:\n  contents: read\n", "permissions:\n  contents: write\n"),
    "top-level-permissions",
  ],
  [
    "top-level write-all",
    "release.yml",
    (t) => replace(t, "permissions:\n  contents: read\n\n", "permissions: write-all\n\n"),
    "top-level-permissions",
  ],
  [
    "a write the job has no reason for",
    "ci.yml",
    (t) =>
      replace(
        t,
        "    timeout-minutes: 60\n",
        "    timeout-minutes: 60\n    permissions:\n      pull-requests: write\n",
      ),
    "write-permissions",
  ],
  [
    "a new write scope on the comment job",
    "spec-diff-comment.yml",
    (t) =>
      replace(
        t,
        "      pull-requests: write # create or edit the comment\n",
        "      pull-requests: write\n      contents: write\n",
      ),
    "write-permissions",
  ],
  [
    "id-token on the version job",
    "release.yml",
    (t) =>
      replace(
        t,
        "      pull-requests: write # open or update the Version Packages PR\n",
        "      pull-requests: write\n      id-token: write\n",
      ),
    "id-token",
  ],
  [
    "id-token in CI",
    "ci.yml",
    (t) =>
      replace(
        t,
        "    timeout-minutes: 60\n",
        "    timeout-minutes: 60\n    permissions:\n      id-token: write\n",
      ),
    "id-token",
  ],
  // privileged workflows
  [
    "pull_request_target",
    "spec-diff.yml",
    (t) => replace(t, "  pull_request:\n", "  pull_request_target:\n"),
    "no-pull-request-target",
  ],
  [
    "the comment job checking out the PR",
    "spec-diff-comment.yml",
    (t) =>
      replace(
        t,
        "    steps:\n",
        `    steps:\n      - uses: ${CHECKOUT}\n        with:\n          ref: \${{ github.event.workflow_run.head_sha }}\n          persist-credentials: false\n`,
      ),
    "privileged-runs-no-code",
  ],
  [
    "the comment job running a command",
    "spec-diff-comment.yml",
    (t) => replace(t, "    steps:\n", "    steps:\n      - run: node build.js\n"),
    "privileged-runs-no-code",
  ],
  [
    "an expression inside a run script",
    "spec-diff.yml",
    (t) =>
      replace(
        t,
        "printf '%s\\n' \"$PR_NUMBER\"",
        `printf '%s\\n' ${expr("github.event.pull_request.title")}`,
      ),
    "no-expressions-in-scripts",
  ],
  [
    "an expression inside github-script",
    "spec-diff-comment.yml",
    (t) =>
      replace(
        t,
        'const MARKER = "<!-- spec-diff -->";',
        `const MARKER = "${expr("github.event.workflow_run.head_branch")}";`,
      ),
    "no-expressions-in-scripts",
  ],
  // hygiene
  ["a job without a timeout", "ci.yml", (t) => replace(t, "    timeout-minutes: 60\n", ""), "timeouts"],
  [
    "a checkout keeping its token in a read-only job",
    "ci.yml",
    (t) => replace(t, "        with:\n          persist-credentials: false\n", ""),
    "checkout-credentials",
  ],
  ["Node 18", "ci.yml", (t) => replace(t, 'node-version: "20.20"', 'node-version: "18"'), "node-version"],
  [
    "Node 20.18",
    "release.yml",
    (t) => replace(t, 'node-version: "20.20"', 'node-version: "20.18"'),
    "node-version",
  ],
  // publishing
  [
    "a cancellable publish",
    "release.yml",
    (t) => replace(t, "cancel-in-progress: false", "cancel-in-progress: true"),
    "publish-safety",
  ],
  [
    "a publish without the provenance pnpm",
    "release.yml",
    (t) => replace(t, '          node scripts/pnpm-provenance.mjs "$RUNNER_TEMP/provenance-bin"\n', ""),
    "publish-safety",
  ],
  [
    "the provenance pnpm after the publish",
    "release.yml",
    (t) =>
      replace(
        t,
        "      - name: changeset publish\n        run: pnpm exec changeset publish\n",
        "      - name: changeset publish\n        run: pnpm exec changeset publish\n      - run: node scripts/pnpm-provenance.mjs x\n",
      ).replace('          node scripts/pnpm-provenance.mjs "$RUNNER_TEMP/provenance-bin"\n', ""),
    "publish-safety",
  ],
];

describe("a broken copy fails the check", () => {
  for (const [name, file, mutate, rule] of mutations) {
    test(`${name} (${file}) → ${rule}`, () => {
      const text = real.get(file);
      assert.ok(text, `${file} exists`);
      const findings = validateWorkflows([{ file, text: mutate(text) }], validators);
      assert.ok(
        findings.some((finding) => finding.rule === rule),
        `expected a ${rule} finding, got:\n${findings.map(formatFinding).join("\n") || "(none)"}`,
      );
    });
  }
});
