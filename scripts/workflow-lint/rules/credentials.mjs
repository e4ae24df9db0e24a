// @ts-check
// Credentials: a token that can write (to the repo, or to npm) is never where install
// lifecycle scripts, builds or other package code can read it. Checkout keeps no token, and
// the step that pushes brings its own, for itself alone.
import { actionOf, asMap, jobLine, jobs, lineOfText, runOf, stepName, steps } from "../workflow.mjs";

/** Runs package code: dependencies' install scripts and bins, builds, tests, our scripts. */
const RUNS_CODE =
  /(?:^|[\s;&|(`])(?:pnpm|npm|npx|yarn|turbo|node|corepack|changeset|bash|sh|\.?\/?\.ci\/run)(?=\s|$)/m;
/** Installs or builds: where lifecycle scripts and build tools run (.ci/run: npm start, npm test). */
const INSTALLS_OR_BUILDS =
  /\b(?:pnpm|npm|yarn)\s+(?:install|i|ci|add|build|test|run\s+build)\b|\bturbo\s+(?:run\s+)?build\b|\.ci\/run\b/;
/** Leaves git credentials for the later steps: in ~/.gitconfig, .git/config or $GITHUB_ENV. */
const PERSISTS_GIT_CREDENTIALS = [
  /\bgh\s+auth\s+setup-git\b/,
  /\bgit\s+config\b[^\n]*(?:extraheader|credential|insteadof)/i,
  /\bgit\s+remote\s+(?:add|set-url)\b[^\n]*@/,
  /\b(?:GIT_CONFIG_\w*|GIT_ASKPASS|GH_TOKEN|GITHUB_TOKEN)\b[^\n]*>>\s*"?\$\{?GITHUB_ENV/,
];
/** Leaves an npm token for the later steps (an auth file or a variable in $GITHUB_ENV). */
const PERSISTS_NPM_TOKEN = /_authToken|\bNODE_AUTH_TOKEN\b[^\n]*>>\s*"?\$\{?GITHUB_ENV/;
/** A token in an `env:` block: a secret, or the run's own token. */
const TOKEN = /\$\{\{\s*(?:secrets\.|github\.token\b)/;

/** @param {unknown} env */
const holdsToken = (env) => Object.values(asMap(env)).some((value) => TOKEN.test(String(value)));

/** @type {import("../workflow.mjs").Rule[]} */
export const CREDENTIAL_RULES = [
  {
    id: "checkout-credentials",
    why: "the token checkout leaves in .git/config is readable by every later step: the step that pushes authenticates itself",
    check(workflow) {
      return jobs(workflow).flatMap(([id, job]) =>
        steps(job)
          .filter(
            (step) =>
              actionOf(step.uses) === "actions/checkout" && asMap(step.with)["persist-credentials"] !== false,
          )
          .map(() => ({
            line: jobLine(workflow, id),
            message: `Job ${id}: set persist-credentials: false on checkout (a step that pushes brings its own token).`,
          })),
      );
    },
  },
  {
    id: "no-credentials-while-building",
    why: "install lifecycle scripts, builds and package bins run code we did not write: no write token may be within their reach",
    check(workflow) {
      const findings = [];
      for (const [id, job] of jobs(workflow)) {
        /** Why git credentials are in reach of every later step, once they are. @type {string | undefined} */
        let git = holdsToken(workflow.data.env)
          ? "the workflow's env holds a token"
          : holdsToken(job.env)
            ? "the job's env holds a token"
            : undefined;
        /** @type {string | undefined} */
        let npm;
        for (const step of steps(job)) {
          const run = runOf(step);
          const why = RUNS_CODE.test(run)
            ? (git ??
              (INSTALLS_OR_BUILDS.test(run)
                ? (npm ?? (holdsToken(step.env) ? "its own env holds a token" : undefined))
                : undefined))
            : undefined;
          if (why) {
            findings.push({
              line: lineOfText(workflow, run) ?? jobLine(workflow, id),
              message: `Job ${id}, step "${stepName(step)}" runs package code while ${why}: authenticate only the step that pushes or publishes, after it.`,
            });
          }
          if (!git && actionOf(step.uses) === "actions/checkout") {
            if (asMap(step.with)["persist-credentials"] !== false)
              git = "checkout left its token in .git/config (persist-credentials)";
          } else if (!git && PERSISTS_GIT_CREDENTIALS.some((pattern) => pattern.test(run))) {
            git = `step "${stepName(step)}" left git credentials for the steps after it`;
          }
          if (!npm && PERSISTS_NPM_TOKEN.test(run))
            npm = `step "${stepName(step)}" left an npm token in reach`;
        }
      }
      return findings;
    },
  },
];
