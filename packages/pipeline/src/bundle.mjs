// @ts-check
// Step 2: apply our overlays to the upstream document, bundle it into one file, and lint the
// result with the strict `<name>@sdk` rules. A bundle that fails lint is deleted, so no later
// step can generate from it.
import { mkdirSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import { redocly, redoclyAsync } from "./redocly.mjs";

/**
 * Bundles one API; returns the bundle's path, or undefined after printing why it failed.
 * @example
 * for (const api of loadApis("voice")) bundleApi(api, api.bundle);
 * @param {import("./apis.mjs").ApiEntry} api
 * @param {string} output
 * @param {boolean} lintResult lint with `<name>@sdk` (its root must be `output`)
 */
export function bundleApi(api, output, lintResult = true) {
  const args = bundleArgs(api, output);
  if (redocly(args, { echo: false }).status !== 0) {
    redocly(args); // again, to show redocly's own explanation
    return undefined;
  }
  if (lintResult && redocly(["lint", `${api.name}@sdk`]).status !== 0) return lintFailed(api, output);
  return output;
}

/**
 * {@link bundleApi} without blocking, for callers that bundle several specs at once (spec-diff).
 * @example
 * const [base, head] = await Promise.all([bundleApiAsync(before, baseOut, false), bundleApiAsync(after, headOut, false)]);
 * @param {import("./apis.mjs").ApiEntry} api
 * @param {string} output
 * @param {boolean} lintResult lint with `<name>@sdk` (its root must be `output`)
 * @returns {Promise<string | undefined>}
 */
export async function bundleApiAsync(api, output, lintResult = true) {
  const args = bundleArgs(api, output);
  if ((await redoclyAsync(args, { echo: false })).status !== 0) {
    await redoclyAsync(args); // again, to show redocly's own explanation
    return undefined;
  }
  if (lintResult && (await redoclyAsync(["lint", `${api.name}@sdk`])).status !== 0) {
    return lintFailed(api, output);
  }
  return output;
}

/**
 * Makes the output's folder and returns redocly's arguments.
 * @param {import("./apis.mjs").ApiEntry} api
 * @param {string} output
 */
function bundleArgs(api, output) {
  mkdirSync(dirname(output), { recursive: true });
  return ["bundle", api.upstream, "--output", output, ...api.overlays.flatMap((path) => ["--overlay", path])];
}

/**
 * Removes a bundle that fails lint, so that no later step generates from it.
 * @param {import("./apis.mjs").ApiEntry} api
 * @param {string} output
 * @returns {undefined}
 */
function lintFailed(api, output) {
  rmSync(output, { force: true });
  console.error(`✖ spec:bundle: the ${api.name} SDK bundle has lint errors (above); removed ${output}.`);
  return undefined;
}
