import { describeMutations, replace } from "./workflow-mutations.mjs";

/** A GitHub expression, written so it never looks like a JS template placeholder. @param {string} inner */
const expr = (inner) => `\${{ ${inner} }}`;
const CHECKOUT = "actions/checkout@08eba0b27e820071cde6df949e0beb9ba4906955 # v4.3.0";
const KEEP_NO_TOKEN = "        with:\n          persist-credentials: false\n";
const PUBLISH_BUILD = "      - name: Install pnpm and the workspace, build\n";
const REPOSITORY_STEP =
  "      - name: Name this repository in each package.json\n        run: node scripts/release-repository.mjs\n";
/** `step` (YAML lines) inserted before the publish job's install and build. @param {string} step */
const beforePublishBuild = (/** @type {string} */ t, /** @type {string} */ step) =>
  replace(t, PUBLISH_BUILD, `${step}${PUBLISH_BUILD}`);

/** @type {import("./workflow-mutations.mjs").Mutation[]} name, workflow, mutation, rule that must fire */
const mutations = [
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
      replace(
        t,
        "      - run: bash .ci/run\n",
        "      - { uses: actions/checkout@v4 }\n      - run: bash .ci/run\n",
      ),
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
        "          pnpm exec changeset publish\n",
        "          pnpm exec changeset publish\n      - run: node scripts/pnpm-provenance.mjs x\n",
      ).replace('          node scripts/pnpm-provenance.mjs "$RUNNER_TEMP/provenance-bin"\n', ""),
    "publish-safety",
  ],
  // credentials
  [
    "a checkout keeping its token in a read-only job",
    "ci.yml",
    (t) => replace(t, KEEP_NO_TOKEN, ""),
    "checkout-credentials",
  ],
  [
    "a checkout keeping its token in a job that pushes",
    "release.yml",
    (t) => replace(t, KEEP_NO_TOKEN, ""),
    "checkout-credentials",
  ],
  [
    "the version job installing with checkout's token in .git/config",
    "release.yml",
    (t) => replace(t, KEEP_NO_TOKEN, ""),
    "no-credentials-while-building",
  ],
  [
    "the publish job building with checkout's token in .git/config",
    "release.yml",
    (t) => {
      const publish = t.indexOf("\n  publish:\n");
      return t.slice(0, publish) + replace(t.slice(publish), KEEP_NO_TOKEN, "");
    },
    "no-credentials-while-building",
  ],
  [
    "gh auth setup-git before the build",
    "release.yml",
    (t) =>
      beforePublishBuild(
        t,
        `      - run: gh auth setup-git\n        env:\n          GH_TOKEN: ${expr("github.token")}\n`,
      ),
    "no-credentials-while-building",
  ],
  [
    "an auth header in git config before the build",
    "release.yml",
    (t) =>
      beforePublishBuild(
        t,
        `      - run: |\n          git config --global http.https://example.invalid/.extraheader "AUTHORIZATION: basic $T"\n        env:\n          T: ${expr("github.token")}\n`,
      ),
    "no-credentials-while-building",
  ],
  [
    "the token exported to $GITHUB_ENV before the build",
    "release.yml",
    (t) =>
      beforePublishBuild(
        t,
        `      - run: echo "GH_TOKEN=$T" >> "$GITHUB_ENV"\n        env:\n          T: ${expr("github.token")}\n`,
      ),
    "no-credentials-while-building",
  ],
  [
    "a remote URL with the token before the build",
    "release.yml",
    (t) =>
      beforePublishBuild(
        t,
        `      - run: git remote set-url origin "https://x-access-token:$T@example.invalid/o/r.git"\n        env:\n          T: ${expr("github.token")}\n`,
      ),
    "no-credentials-while-building",
  ],
  [
    "the npm token written before the install",
    "release.yml",
    (t) =>
      beforePublishBuild(
        t,
        `      - run: printf '//r.invalid/:_authToken=%s\\n' "$T" > ~/.npmrc\n        env:\n          T: ${expr("secrets.NPM_TOKEN")}\n`,
      ),
    "no-credentials-while-building",
  ],
  [
    "a token in the publish job's env",
    "release.yml",
    (t) =>
      replace(
        t,
        "    environment: npm\n",
        `    environment: npm\n    env:\n      GH_TOKEN: ${expr("github.token")}\n`,
      ),
    "no-credentials-while-building",
  ],
  [
    "a token in the workflow's env",
    "ci.yml",
    (t) => replace(t, "\njobs:\n", `\nenv:\n  NPM_TOKEN: ${expr("secrets.NPM_TOKEN")}\n\njobs:\n`),
    "no-credentials-while-building",
  ],
  [
    "a token in the env of the step that installs",
    "ci.yml",
    (t) =>
      replace(
        t,
        "      - run: bash .ci/run\n",
        `      - run: bash .ci/run\n        env:\n          NPM_TOKEN: ${expr("secrets.NPM_TOKEN")}\n`,
      ),
    "no-credentials-while-building",
  ],
  // publishing
  [
    "a publish that does not wait for the tests",
    "release.yml",
    (t) => replace(t, "    needs: [version, test]\n", "    needs: version\n"),
    "publish-after-tests",
  ],
  [
    "a test job that does not run the tests",
    "release.yml",
    (t) => replace(t, "      - run: npm test\n", "      - run: npm run lint\n"),
    "publish-after-tests",
  ],
  [
    "a publish that runs when the tests failed",
    "release.yml",
    (t) =>
      replace(
        t,
        "    needs: [version, test]\n    if: needs.version",
        "    needs: [version, test]\n    if: always() && needs.version",
      ),
    "publish-after-tests",
  ],
  [
    "a test job that may fail",
    "release.yml",
    (t) =>
      replace(
        t,
        "    if: needs.version.outputs.pending == 'false'\n    runs-on: ubuntu-latest\n    timeout-minutes: 60\n",
        "    if: needs.version.outputs.pending == 'false'\n    runs-on: ubuntu-latest\n    timeout-minutes: 60\n    continue-on-error: true\n",
      ),
    "publish-after-tests",
  ],
  [
    "a test step that may fail",
    "release.yml",
    (t) => replace(t, "      - run: npm test\n", "      - run: npm test\n        continue-on-error: true\n"),
    "publish-after-tests",
  ],
  [
    "a publish without the repository step",
    "release.yml",
    (t) => replace(t, REPOSITORY_STEP, ""),
    "publish-repository",
  ],
  [
    "the repository step after the publish",
    "release.yml",
    (t) =>
      replace(
        replace(t, REPOSITORY_STEP, ""),
        "      - name: Push the release tags\n",
        `${REPOSITORY_STEP}      - name: Push the release tags\n`,
      ),
    "publish-repository",
  ],
  [
    "a repository chosen by the workflow, not the runner",
    "release.yml",
    (t) =>
      replace(
        t,
        REPOSITORY_STEP,
        `${REPOSITORY_STEP}        env:\n          GITHUB_REPOSITORY: someone/else\n`,
      ),
    "publish-repository",
  ],
  [
    "a server URL set for the whole publish job",
    "release.yml",
    (t) =>
      replace(
        t,
        "    environment: npm\n",
        "    environment: npm\n    env:\n      GITHUB_SERVER_URL: https://example.invalid\n",
      ),
    "publish-repository",
  ],
  // triggers: what reaches the spec diff
  [
    "spec-diff not run when redocly.yaml changes",
    "spec-diff.yml",
    (t) => replace(t, '      - "redocly.yaml"\n', ""),
    "spec-diff-paths",
  ],
  [
    "spec-diff not run when the generator changes",
    "spec-diff.yml",
    (t) => replace(t, '      - "scripts/generate.mjs"\n', ""),
    "spec-diff-paths",
  ],
  [
    "spec-diff's paths excluding the bundler afterwards",
    "spec-diff.yml",
    (t) =>
      replace(
        t,
        '      - "scripts/lib/redocly.mjs"\n',
        '      - "scripts/lib/redocly.mjs"\n      - "!scripts/spec-bundle.mjs"\n',
      ),
    "spec-diff-paths",
  ],
  [
    "spec-diff ignoring spec/apis.json",
    "spec-diff.yml",
    (t) => replace(t, '      - "spec/apis.json"\n', '      - "!spec/apis.json"\n'),
    "spec-diff-paths",
  ],
];

describeMutations("a broken copy breaks the policy", mutations);
