// @ts-check
// Pinning: which actions run, and at which commit.
import { jobs, steps } from "../workflow.mjs";

/** The only actions we use: each verified, pinned by commit, with the release it is. */
export const ALLOWED_ACTIONS = new Map([
  ["actions/checkout", { sha: "08eba0b27e820071cde6df949e0beb9ba4906955", version: "v4.3.0" }],
  ["actions/setup-node", { sha: "49933ea5288caeca8642d1e84afbd3f7d6820020", version: "v4.4.0" }],
  ["actions/github-script", { sha: "60a0d83039c74a4aee543508d2ffcb1c3799cdea", version: "v7.0.1" }],
  ["actions/upload-artifact", { sha: "ea165f8d65b6e75b540449e92b4886f43607fa02", version: "v4.6.2" }],
  ["actions/download-artifact", { sha: "d3f86a106a0bac45b974a628896c90dbdf5c8093", version: "v4.3.0" }],
]);

const USES = /^\s*(?:-\s+)?uses:\s*["']?([^\s"'#]+)["']?\s*(?:#\s*(\S+))?/;

/** @type {import("../workflow.mjs").Rule[]} */
export const PINNING_RULES = [
  {
    id: "pinned-actions",
    why: "a tag can be moved to other code; a full commit SHA cannot, and the comment says which release it is",
    check(workflow) {
      const findings = [];
      const lines = workflow.text.split("\n");
      for (const [index, line] of lines.entries()) {
        const match = USES.exec(line);
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
        const match = USES.exec(line);
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
];
