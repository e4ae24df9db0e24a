// @ts-check
// `npm test`: every test and check, on a fresh machine. Installs what it needs first.
import { installDependencies, requireNode, step, turbo } from "./lib/bootstrap.mjs";

requireNode();
installDependencies();
// Before turbo: its generate task rewrites the committed files, which would hide a hand edit.
step("Generated code matches the spec (check:generated)", process.execPath, ["scripts/check-generated.mjs"]);
turbo("Lint, typecheck and test every package", [
  "lint",
  "lint:root",
  "typecheck",
  "typecheck:scripts",
  "test",
  "--output-logs=errors-only",
]);
turbo("Package checks: publint, attw, size budgets", ["check:package", "size", "--output-logs=errors-only"]);
step(
  "Script tests: workflows (schema, actionlint, policy), changeset bump check, release plan, release:e2e guards",
  process.execPath,
  ["--test", "scripts/test/"],
);
step("Release end to end on a loopback registry (release:e2e)", process.execPath, [
  "scripts/release-e2e.mjs",
]);
console.log("\n✔ All tests and checks passed.");
