// @ts-check
// Step 1 of the pipeline: lint each upstream document with its `<name>@upstream` rules.
// Usage: node scripts/spec-lint.mjs [--api name]
import { flag, loadApis } from "./lib/apis.mjs";
import { redocly } from "./lib/redocly.mjs";

let failed = false;
for (const api of loadApis(flag("api"))) {
  const { status } = redocly(["lint", `${api.name}@upstream`]);
  if (status !== 0) {
    console.error(`✖ spec:lint: ${api.name} has lint errors (above); nothing was bundled or generated.`);
    failed = true;
  }
}
process.exitCode = failed ? 1 : 0;
