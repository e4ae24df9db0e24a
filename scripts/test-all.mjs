// @ts-check
// `npm test`: every test and check, on a fresh machine. Installs what it needs first.
import { installDependencies, requireNode, step, turbo } from "./lib/bootstrap.mjs";

requireNode();
installDependencies();
turbo("Lint, typecheck and test every package", [
  "lint",
  "lint:root",
  "typecheck",
  "test",
  "--output-logs=errors-only",
]);
step("Generated code matches the spec (check:generated)", process.execPath, ["scripts/check-generated.mjs"]);
turbo("Package checks: publint, attw, size budgets", ["check:package", "size", "--output-logs=errors-only"]);
console.log("\n✔ All tests and checks passed.");
