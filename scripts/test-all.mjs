// @ts-check
// `npm test`: every test and check, on a fresh machine. Installs what it needs first.
import { join } from "node:path";
import { repoRoot } from "./lib/apis.mjs";
import { installDependencies, requireNode, step, toolEnv } from "./lib/bootstrap.mjs";
import { runTurboWithProgress } from "./lib/turbo-progress.mjs";

/**
 * A turbo run as one step: a line per task as it starts, is replayed from the cache or
 * finishes, and the log of any task that failed.
 * @param {string} title
 * @param {string[]} args
 */
async function turboStep(title, args) {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const status = await runTurboWithProgress(join(repoRoot, "node_modules/.bin/turbo"), args, {
    cwd: repoRoot,
    env: toolEnv,
  });
  if (status !== 0) {
    console.error(`✖ ${title} failed (exit ${status}).`);
    process.exit(status);
  }
  console.log(`✔ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

requireNode();
console.log("npm test: about 3 minutes on 2 cores after `npm start`; turbo replays what has not changed.");
installDependencies();
// Before turbo: its generate task rewrites the committed files, which would hide a hand edit.
step("Generated code matches the spec (check:generated)", process.execPath, ["scripts/check-generated.mjs"]);
await turboStep("Lint, typecheck and test every package (README blocks included)", [
  "lint",
  "lint:root",
  "typecheck",
  "typecheck:scripts",
  "test",
]);
await turboStep("Package checks: publint, attw, size budgets", ["check:package", "size"]);
step(
  "Script tests: npm start, workflows (schema, actionlint, policy), changeset bump check, release plan, release:e2e guards, licenses",
  process.execPath,
  ["--test", "scripts/test/"],
);
step("Release end to end on a loopback registry (release:e2e)", process.execPath, [
  "scripts/release-e2e.mjs",
]);
console.log("\n✔ All tests and checks passed.");
