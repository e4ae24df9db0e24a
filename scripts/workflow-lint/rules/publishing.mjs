// @ts-check
// Publishing: a publish runs alone, only after the tests pass, with provenance, from package
// manifests that name the repository the runner built them in.
import { asMap, jobLine, jobs, lineOf, needsOf, runOf, steps } from "../workflow.mjs";

const PUBLISH = /\bchangeset publish\b/;
/** The repo's whole test suite (scripts/test-all.mjs). */
const TESTS = /^\s*npm test\s*$/m;
/** Where the runner says the repository is; the repository step must read the runner's own. */
const RUNNER_REPOSITORY_VARS = ["GITHUB_SERVER_URL", "GITHUB_REPOSITORY"];

/** @param {import("../workflow.mjs").Workflow} workflow */
const publishingJobs = (workflow) =>
  jobs(workflow).filter(([, job]) => steps(job).some((step) => PUBLISH.test(runOf(step))));

/** @type {import("../workflow.mjs").Rule[]} */
export const PUBLISHING_RULES = [
  {
    id: "publish-safety",
    why: "a publish runs alone and is never cancelled halfway, and says where the build came from",
    check(workflow) {
      const publishing = publishingJobs(workflow);
      if (publishing.length === 0) return [];
      const findings = [];
      const concurrency = asMap(workflow.data.concurrency);
      if (!concurrency.group || concurrency["cancel-in-progress"] !== false) {
        findings.push({
          line: lineOf(workflow, /^concurrency:/),
          message:
            "A publishing workflow needs a top-level concurrency group with cancel-in-progress: false.",
        });
      }
      for (const [id, job] of publishing) {
        // pnpm 12 takes provenance from its command line only (see scripts/pnpm-provenance.mjs).
        const jobSteps = steps(job);
        const shim = jobSteps.findIndex((step) => /node scripts\/pnpm-provenance\.mjs/.test(runOf(step)));
        const publish = jobSteps.findIndex((step) => PUBLISH.test(runOf(step)));
        if (shim === -1 || shim >= publish) {
          findings.push({
            line: jobLine(workflow, id),
            message: `Job ${id} runs changeset publish without first putting scripts/pnpm-provenance.mjs's pnpm on PATH (no provenance).`,
          });
        }
      }
      return findings;
    },
  },
  {
    id: "publish-after-tests",
    why: "what is published is what passed the tests: the publish job needs a job that runs them, and cannot run when it failed",
    check(workflow) {
      const all = new Map(jobs(workflow));
      return publishingJobs(workflow).flatMap(([id, job]) => {
        const findings = [];
        const line = jobLine(workflow, id);
        const testJobs = needsOf(job).filter((need) => {
          const needed = all.get(need);
          return needed && steps(needed).some((step) => TESTS.test(runOf(step)));
        });
        if (testJobs.length === 0) {
          findings.push({
            line,
            message: `Job ${id} runs changeset publish without \`needs\` on a job that runs \`npm test\`.`,
          });
        }
        for (const need of testJobs) {
          const needed = asMap(all.get(need));
          const lenient =
            needed["continue-on-error"] !== undefined && needed["continue-on-error"] !== false
              ? "the job"
              : steps(needed).some(
                    (step) =>
                      TESTS.test(runOf(step)) &&
                      step["continue-on-error"] !== undefined &&
                      step["continue-on-error"] !== false,
                  )
                ? "its npm test step"
                : undefined;
          if (lenient)
            findings.push({
              line: jobLine(workflow, need),
              message: `Job ${need} gates the publish, but ${lenient} has continue-on-error: a failing test would not stop it.`,
            });
        }
        if (/\b(?:always|failure|cancelled)\s*\(/.test(String(job.if ?? ""))) {
          findings.push({
            line,
            message: `Job ${id}'s \`if\` (${job.if}) lets it run when a job it needs failed: drop always()/failure()/cancelled().`,
          });
        }
        return findings;
      });
    },
  },
  {
    id: "publish-repository",
    why: "npm refuses a provenance publish whose package.json does not name the repository the runner built it in",
    check(workflow) {
      const overridden = (/** @type {unknown} */ env) =>
        RUNNER_REPOSITORY_VARS.filter((name) => name in asMap(env));
      return publishingJobs(workflow).flatMap(([id, job]) => {
        const jobSteps = steps(job);
        const line = jobLine(workflow, id);
        const set = jobSteps.findIndex((step) =>
          /\bnode scripts\/release-repository\.mjs\b/.test(runOf(step)),
        );
        const publish = jobSteps.findIndex((step) => PUBLISH.test(runOf(step)));
        if (set === -1 || set >= publish) {
          return [
            {
              line,
              message: `Job ${id} runs changeset publish without first setting each package's \`repository\` (node scripts/release-repository.mjs).`,
            },
          ];
        }
        const vars = [
          ...overridden(workflow.data.env),
          ...overridden(job.env),
          ...overridden(jobSteps[set]?.env),
        ];
        return vars.length === 0
          ? []
          : [
              {
                line,
                message: `Job ${id} sets ${[...new Set(vars)].join(", ")} itself: the repository must come from the runner's own values.`,
              },
            ];
      });
    },
  },
];
