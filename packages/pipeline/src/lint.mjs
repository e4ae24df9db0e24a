// @ts-check
// Step 1: lint each upstream document with its `<name>@upstream` rules.
import { redocly } from "./redocly.mjs";

/**
 * Lints one API's upstream document, printing redocly's findings; true when it passes.
 * @example
 * for (const api of loadApis("voice")) if (!lintApi(api)) process.exitCode = 1;
 * @param {import("./apis.mjs").ApiEntry} api
 */
export function lintApi(api) {
  if (redocly(["lint", `${api.name}@upstream`]).status === 0) return true;
  console.error(`✖ spec:lint: ${api.name} has lint errors (above); nothing was bundled or generated.`);
  return false;
}
