// @ts-check
// Triggers: what starts a workflow, and what a privileged trigger may then do.
import {
  actionOf,
  asMap,
  jobs,
  lineOf,
  lineOfText,
  pathTriggers,
  runOf,
  steps,
  triggers,
} from "../workflow.mjs";

/**
 * Every file that shapes the published types (and so the spec diff): the spec and its
 * overlay, the list of APIs, the bundling config and the scripts that bundle and generate
 * (with the helpers they import). A pull request touching any of them gets a spec diff.
 */
export const SPEC_INPUTS = [
  "spec/voice.yaml",
  "spec/overlays/sdk.yaml",
  "spec/apis.json",
  "redocly.yaml",
  "scripts/spec-bundle.mjs",
  "scripts/generate.mjs",
  "scripts/lib/apis.mjs",
  "scripts/lib/redocly.mjs",
];

/** @type {import("../workflow.mjs").Rule[]} */
export const TRIGGER_RULES = [
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
    id: "spec-diff-paths",
    why: "a pull request that changes what the published types are made from must get its spec diff and bump check",
    check(workflow) {
      const runsSpecDiff = jobs(workflow).some(([, job]) =>
        steps(job).some((step) => /\bspec-diff\b/.test(runOf(step)) && /--format json/.test(runOf(step))),
      );
      if (!runsSpecDiff || !triggers(workflow).includes("pull_request")) return [];
      const filter = asMap(asMap(workflow.data.on).pull_request);
      const missed = SPEC_INPUTS.filter((file) => !pathTriggers(filter, file));
      return missed.length === 0
        ? []
        : [
            {
              line: lineOf(workflow, /^\s+paths:/),
              message: `pull_request.paths must include every input of the published types; a change to ${missed.join(", ")} would not run the spec diff.`,
            },
          ];
    },
  },
];
