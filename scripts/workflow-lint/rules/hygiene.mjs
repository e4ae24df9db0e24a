// @ts-check
// Hygiene: scripts take values through env, jobs time out, and run on a Node the repo supports.
import { actionOf, asMap, jobLine, jobs, lineOfText, steps } from "../workflow.mjs";

/** The oldest Node the repo supports (package.json engines: >=20.19). */
const MIN_NODE = { major: 20, minor: 19 };

/** @type {import("../workflow.mjs").Rule[]} */
export const HYGIENE_RULES = [
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
];
