// @ts-check
// Our policy for .github/workflows: only what no linter checks (actionlint already covers
// syntax, expressions, contexts, `needs`, permission values, events and untrusted input pasted
// into scripts). Each rule is a pure function of the parsed workflow; each finding names the
// YAML path it is about, so the caller can give its line.

/** @typedef {{ path: (string | number)[]; message: string }} Problem */
/** @typedef {(workflow: Record<string, any>) => Problem[]} Rule */
/** @typedef {Record<string, any>} Node */

/** @param {unknown} value @returns {Node} */
const asMap = (value) => (value && typeof value === "object" && !Array.isArray(value) ? value : {});
/** @param {Node} workflow @returns {[string, Node][]} */
const jobs = (workflow) => Object.entries(asMap(workflow.jobs)).map(([id, job]) => [id, asMap(job)]);
/** @param {Node} job @returns {Node[]} */
const steps = (job) => (Array.isArray(job.steps) ? job.steps.map(asMap) : []);
/** @param {Node} step */
const action = (step) => String(step.uses ?? "").replace(/@.*/, "");
/** @param {Node} step */
const script = (step) => String(step.run ?? "");
/** @param {Node} node a job or a step */
const mayFail = (node) => node["continue-on-error"] !== undefined && node["continue-on-error"] !== false;
/** @param {Node} node a job or a step */
const runsAfterFailure = (node) => /\b(?:always|failure|cancelled)\s*\(/.test(String(node.if ?? ""));

/** A publish to npm: a publish or release command, or changesets/action given a `publish` input. */
const PUBLISH = /\b(?:changeset|npm|pnpm|yarn)(?:\s+-\S+)*\s+(?:run\s+)?(?:publish|release)(?![\w:-])/;
/** @param {Node} step */
const publishes = (step) =>
  PUBLISH.test(script(step)) || (action(step) === "changesets/action" && "publish" in asMap(step.with));
/** The whole test suite, on a line of its own (so not `npm test || true`), allowed to fail nowhere. */
const TESTS = /^\s*(?:npm|pnpm|yarn)\s+(?:run\s+)?test\s*$/m;
/** @param {Node} step */
const tests = (step) => TESTS.test(script(step)) && !mayFail(step);

/** A full commit SHA (or an image digest): a tag or a branch can be moved to other code. */
const PINNED = /^[^@\s]+@[0-9a-f]{40}$|^docker:\/\/[^@\s]+@sha256:[0-9a-f]{64}$/;

/** The steps that need each write scope; a job holds one only when one of its steps needs it. */
const WRITERS = /** @type {Record<string, [string, (step: Node) => boolean]>} */ ({
  contents: [
    "pushes (`git push`), publishes or runs changesets/action",
    (step) => /\bgit\s+push\b/.test(script(step)) || publishes(step) || action(step) === "changesets/action",
  ],
  "pull-requests": [
    "opens or comments on a PR (changesets/action, actions/github-script, `gh pr`)",
    (step) =>
      /\bgh\s+pr\b/.test(script(step)) ||
      ["changesets/action", "actions/github-script"].includes(action(step)),
  ],
  "id-token": ["publishes (the OIDC token npm provenance signs with)", publishes],
});

/** @type {Record<string, Rule>} */
export const RULES = {
  // actionlint 1.6.22 accepts `@v4`; only a full commit SHA names code that cannot change.
  "pinned-actions": (workflow) =>
    jobs(workflow)
      .flatMap(([id, job]) => [
        { path: ["jobs", id, "uses"], uses: job.uses },
        ...steps(job).map((step, index) => ({ path: ["jobs", id, "steps", index, "uses"], uses: step.uses })),
      ])
      .filter(({ uses }) => typeof uses === "string" && !uses.startsWith("./") && !PINNED.test(uses))
      .map(({ path, uses }) => ({
        path,
        message: `${uses} is not pinned: write owner/repo@<full 40-character commit SHA> # vX.Y.Z.`,
      })),

  // Every job starts from a read-only token; a job that writes asks for it itself.
  "top-level-permissions": ({ permissions }) =>
    permissions === "read-all" ||
    (asMap(permissions) === permissions &&
      Object.values(permissions).every((level) => level === "read" || level === "none"))
      ? []
      : [
          {
            path: ["permissions"],
            message: `Top-level permissions must be read-only (\`contents: read\` or \`{}\`), got ${JSON.stringify(permissions ?? null)}: grant writes in the job that needs them.`,
          },
        ],

  // Least privilege: a write scope sits only on a job with a step that needs it (WRITERS).
  "job-permissions": (workflow) =>
    jobs(workflow).flatMap(([id, job]) =>
      Object.entries(job.permissions === "write-all" ? { "write-all": "write" } : asMap(job.permissions))
        .filter(
          ([scope, level]) => level === "write" && !steps(job).some((step) => WRITERS[scope]?.[1](step)),
        )
        .map(([scope]) => ({
          path: ["jobs", id, "permissions", ...(scope === "write-all" ? [] : [scope])],
          message: `Job ${id} asks for ${scope}: write, but ${WRITERS[scope] ? `none of its steps ${WRITERS[scope][0]}` : "no job here may have it"}.`,
        })),
    ),

  // What is published is what passed the tests: a test step before it, or a needed job that runs them.
  "publish-after-tests": (workflow) => {
    const all = new Map(jobs(workflow));
    return jobs(workflow).flatMap(([id, job]) => {
      const needs = [job.needs ?? []].flat().map((need) => asMap(all.get(String(need))));
      let tested =
        !runsAfterFailure(job) && needs.some((needed) => !mayFail(needed) && steps(needed).some(tests));
      return steps(job).flatMap((step, index) => {
        const problem = publishes(step) && !(tested && !runsAfterFailure(step));
        tested ||= tests(step);
        return problem
          ? [
              {
                path: ["jobs", id, "steps", index],
                message: `Job ${id} publishes before the tests pass: run \`npm test\` in an earlier step, or \`needs\` a job that does (no continue-on-error, no always()/failure()/cancelled() in \`if\`).`,
              },
            ]
          : [];
      });
    });
  },

  // The token checkout leaves in .git/config is readable by every later step: install scripts, builds, tests.
  "checkout-credentials": (workflow) =>
    jobs(workflow).flatMap(([id, job]) =>
      steps(job).flatMap((step, index) =>
        action(step) === "actions/checkout" && String(asMap(step.with)["persist-credentials"]) !== "false"
          ? [
              {
                path: ["jobs", id, "steps", index],
                message: `Job ${id}: set \`persist-credentials: false\` on actions/checkout; a step that pushes brings its own token.`,
              },
            ]
          : [],
      ),
    ),

  // workflow_run and pull_request_target jobs may hold write access next to a fork's PR: they never run its code.
  "privileged-runs-no-code": (workflow) => {
    const on = workflow.on;
    const events = typeof on === "string" ? [on] : Array.isArray(on) ? on : Object.keys(asMap(on));
    const privileged = events.find((event) => event === "workflow_run" || event === "pull_request_target");
    if (!privileged) return [];
    return jobs(workflow).flatMap(([id, job]) =>
      steps(job).flatMap((step, index) =>
        action(step) === "actions/checkout" || step.run !== undefined
          ? [
              {
                path: ["jobs", id, "steps", index],
                message: `Job ${id} checks out or runs code in a ${privileged} workflow: read artifacts as data with actions/github-script.`,
              },
            ]
          : [],
      ),
    );
  },
};
