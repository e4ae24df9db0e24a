// @ts-check
// Our policy's rules (scripts/workflow-lint/rules.mjs), each caught on a fixture broken on
// purpose: the fixtures below pass every check, and each change must get its rule's finding.
// The shapes the rules must accept (a changesets/action publish after `npm test`) are here too.
import { describeMutations, expr, replace, SHA } from "./workflow-mutations.mjs";

const CHECKOUT = `actions/checkout@${SHA} # v4.3.0`;
const NO_TOKEN = "        with:\n          persist-credentials: false\n";
const TEST_STEP = "      - run: npm test\n";

const FIXTURES = new Map([
  [
    "ci.yml",
    `name: CI
on:
  push:
    branches: [main]
  pull_request:
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-latest
    timeout-minutes: 60
    steps:
      - uses: ${CHECKOUT}
${NO_TOKEN}      - uses: actions/setup-node@${SHA} # v4.4.0
        with:
          node-version: "20.20"
${TEST_STEP}`,
  ],
  // One job: the tests, then changesets/action opens the Version Packages PR or publishes.
  [
    "release.yml",
    `name: Release
on:
  push:
    branches: [main]
permissions:
  contents: read
concurrency:
  group: release
  cancel-in-progress: false
jobs:
  release:
    runs-on: ubuntu-latest
    timeout-minutes: 60
    permissions:
      contents: write
      pull-requests: write
      id-token: write
    steps:
      - uses: ${CHECKOUT}
${NO_TOKEN}${TEST_STEP}      - name: Version Packages PR, or publish
        uses: changesets/action@${SHA} # v1.5.3
        with:
          version: pnpm exec changeset version
          publish: pnpm release
        env:
          GITHUB_TOKEN: ${expr("github.token")}
          NPM_TOKEN: ${expr("secrets.NPM_TOKEN")}
`,
  ],
  // Two jobs: the publish job needs the one that tests.
  [
    "publish.yml",
    `name: Publish
on: workflow_dispatch
permissions: {}
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: ${CHECKOUT}
${NO_TOKEN}${TEST_STEP}  publish:
    needs: [test]
    runs-on: ubuntu-latest
    permissions:
      contents: write
      id-token: write
    steps:
      - uses: ${CHECKOUT}
${NO_TOKEN}      - run: pnpm exec changeset publish
      - run: git push origin --tags
`,
  ],
  // Runs for a fork's PR with write access: data only, through actions/github-script.
  [
    "comment.yml",
    `name: Comment
on:
  workflow_run:
    workflows: [CI]
    types: [completed]
permissions: {}
jobs:
  comment:
    runs-on: ubuntu-latest
    permissions:
      actions: read
      pull-requests: write
    steps:
      - uses: actions/github-script@${SHA} # v7.0.1
        with:
          script: core.info(String(context.payload.workflow_run.id));
`,
  ],
]);

/** `step` (YAML lines) added to ci.yml's job before its tests. @param {string} text @param {string} step */
const beforeTests = (text, step) => replace(text, TEST_STEP, `${step}${TEST_STEP}`);
/** ci.yml's job with a `permissions:` block. @param {string} text @param {string} scopes */
const ciJobPermissions = (text, scopes) =>
  replace(text, "    timeout-minutes: 60\n", `    timeout-minutes: 60\n    permissions:\n${scopes}`);

/** @type {import("./workflow-mutations.mjs").Mutation[]} name, fixture, change, the rule that must fire (null: none) */
const mutations = [
  // pinned-actions
  ["an action on a tag", "ci.yml", (t) => replace(t, CHECKOUT, "actions/checkout@v4"), "pinned-actions"],
  [
    "a short SHA",
    "ci.yml",
    (t) => replace(t, `setup-node@${SHA}`, `setup-node@${SHA.slice(0, 7)}`),
    "pinned-actions",
  ],
  [
    "a flow-style step on a branch",
    "ci.yml",
    (t) => beforeTests(t, "      - { uses: someone/tool@main }\n"),
    "pinned-actions",
  ],
  [
    "a reusable workflow on a tag",
    "ci.yml",
    (t) => `${t}  reuse:\n    uses: someone/repo/.github/workflows/x.yml@v1\n`,
    "pinned-actions",
  ],
  ["a local action", "ci.yml", (t) => beforeTests(t, "      - uses: ./.github/actions/setup\n"), null],
  // top-level-permissions
  [
    "no top-level permissions",
    "ci.yml",
    (t) => replace(t, "permissions:\n  contents: read\n", ""),
    "top-level-permissions",
  ],
  [
    "a top-level write",
    "release.yml",
    (t) => replace(t, "permissions:\n  contents: read\n", "permissions:\n  contents: write\n"),
    "top-level-permissions",
  ],
  [
    "top-level write-all",
    "comment.yml",
    (t) => replace(t, "permissions: {}\n", "permissions: write-all\n"),
    "top-level-permissions",
  ],
  // job-permissions
  [
    "pull-requests: write in CI",
    "ci.yml",
    (t) => ciJobPermissions(t, "      pull-requests: write\n"),
    "job-permissions",
  ],
  [
    "id-token: write in CI",
    "ci.yml",
    (t) => ciJobPermissions(t, "      id-token: write\n"),
    "job-permissions",
  ],
  [
    "write-all on a job",
    "ci.yml",
    (t) => replace(t, "    timeout-minutes: 60\n", "    timeout-minutes: 60\n    permissions: write-all\n"),
    "job-permissions",
  ],
  [
    "a scope no job needs",
    "release.yml",
    (t) => replace(t, "      id-token: write\n", "      id-token: write\n      issues: write\n"),
    "job-permissions",
  ],
  [
    "id-token on the job that only comments",
    "comment.yml",
    (t) => replace(t, "      pull-requests: write\n", "      pull-requests: write\n      id-token: write\n"),
    "job-permissions",
  ],
  [
    "contents: write on the job that only tests",
    "publish.yml",
    (t) =>
      replace(
        t,
        "  test:\n    runs-on: ubuntu-latest\n",
        "  test:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: write\n",
      ),
    "job-permissions",
  ],
  [
    "id-token left on a job that no longer publishes",
    "publish.yml",
    (t) => replace(t, "      - run: pnpm exec changeset publish\n", ""),
    "job-permissions",
  ],
  // publish-after-tests
  ["changesets/action with no tests", "release.yml", (t) => replace(t, TEST_STEP, ""), "publish-after-tests"],
  [
    "the tests after changesets/action",
    "release.yml",
    (t) => `${replace(t, TEST_STEP, "")}${TEST_STEP}`,
    "publish-after-tests",
  ],
  [
    "tests whose failure is ignored",
    "release.yml",
    (t) => replace(t, TEST_STEP, "      - run: npm test || true\n"),
    "publish-after-tests",
  ],
  [
    "a test step that may fail",
    "release.yml",
    (t) => replace(t, TEST_STEP, `${TEST_STEP}        continue-on-error: true\n`),
    "publish-after-tests",
  ],
  [
    "a publish that runs when the tests failed",
    "release.yml",
    (t) =>
      replace(
        t,
        "      - name: Version Packages PR, or publish\n",
        "      - if: always()\n        name: Version Packages PR, or publish\n",
      ),
    "publish-after-tests",
  ],
  [
    "npm publish before the tests",
    "ci.yml",
    (t) => beforeTests(t, "      - run: npm publish\n"),
    "publish-after-tests",
  ],
  [
    "pnpm release before the tests",
    "ci.yml",
    (t) => beforeTests(t, "      - run: pnpm release\n"),
    "publish-after-tests",
  ],
  [
    "pnpm -r publish before the tests",
    "ci.yml",
    (t) => beforeTests(t, "      - run: pnpm -r publish\n"),
    "publish-after-tests",
  ],
  ["release:e2e is not a publish", "ci.yml", (t) => beforeTests(t, "      - run: pnpm release:e2e\n"), null],
  [
    "changesets/action with publish written inline",
    "release.yml",
    (t) =>
      replace(
        t,
        / {8}with:\n {10}version: .*\n {10}publish: .*\n/,
        "        with: { publish: pnpm release }\n",
      ),
    null,
  ],
  [
    "changesets/action with no publish input",
    "release.yml",
    (t) => replace(replace(t, "          publish: pnpm release\n", ""), "      id-token: write\n", ""),
    null,
  ],
  [
    "a publish job that does not need the tests",
    "publish.yml",
    (t) => replace(t, "    needs: [test]\n", ""),
    "publish-after-tests",
  ],
  [
    "needs written as one name",
    "publish.yml",
    (t) => replace(t, "    needs: [test]\n", "    needs: test\n"),
    null,
  ],
  [
    "a needed job that does not run the tests",
    "publish.yml",
    (t) => replace(t, TEST_STEP, "      - run: npm run lint\n"),
    "publish-after-tests",
  ],
  [
    "a needed test job that may fail",
    "publish.yml",
    (t) =>
      replace(
        t,
        "  test:\n    runs-on: ubuntu-latest\n",
        "  test:\n    runs-on: ubuntu-latest\n    continue-on-error: true\n",
      ),
    "publish-after-tests",
  ],
  [
    "a publish job that runs whatever the tests did",
    "publish.yml",
    (t) => replace(t, "    needs: [test]\n", "    needs: [test]\n    if: always()\n"),
    "publish-after-tests",
  ],
  // checkout-credentials
  ["a checkout keeping its token", "ci.yml", (t) => replace(t, NO_TOKEN, ""), "checkout-credentials"],
  [
    "persist-credentials: true",
    "release.yml",
    (t) => replace(t, "persist-credentials: false", "persist-credentials: true"),
    "checkout-credentials",
  ],
  [
    "one job of two keeping the token",
    "publish.yml",
    (t) => t.slice(0, t.indexOf("  publish:")) + replace(t.slice(t.indexOf("  publish:")), NO_TOKEN, ""),
    "checkout-credentials",
  ],
  [
    'persist-credentials: "false" (inputs are strings)',
    "ci.yml",
    (t) => replace(t, "persist-credentials: false", 'persist-credentials: "false"'),
    null,
  ],
  // privileged-runs-no-code
  [
    "the comment job checking out the PR",
    "comment.yml",
    (t) =>
      replace(
        t,
        "    steps:\n",
        `    steps:\n      - uses: ${CHECKOUT}\n        with:\n          ref: ${expr("github.event.workflow_run.head_sha")}\n          persist-credentials: false\n`,
      ),
    "privileged-runs-no-code",
  ],
  [
    "the comment job running a command",
    "comment.yml",
    (t) => replace(t, "    steps:\n", "    steps:\n      - run: node build.js\n"),
    "privileged-runs-no-code",
  ],
  [
    "CI on pull_request_target",
    "ci.yml",
    (t) => replace(t, "  pull_request:\n", "  pull_request_target:\n"),
    "privileged-runs-no-code",
  ],
];

describeMutations("the workflow policy", FIXTURES, mutations);
