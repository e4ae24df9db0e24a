// @ts-check
// Step 2: apply our overlays to the upstream document, bundle it into one file, and lint
// the result with the strict `<name>@sdk` rules. A bundle that fails lint is deleted, so no
// later step can generate from it.
// Usage: node scripts/spec-bundle.mjs [--api name] [--out-dir dir]
import { mkdirSync, rmSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { flag, loadApis } from "./lib/apis.mjs";
import { redocly } from "./lib/redocly.mjs";

/**
 * Bundles one API; returns the bundle's path, or undefined after printing why it failed.
 * @param {import("./lib/apis.mjs").ApiEntry} api
 * @param {string} output
 * @param {boolean} lintResult lint with `<name>@sdk` (its root must be `output`)
 */
export function bundleApi(api, output, lintResult = true) {
  mkdirSync(dirname(output), { recursive: true });
  const args = ["bundle", api.upstream, "--output", output];
  for (const overlay of api.overlays) args.push("--overlay", overlay);
  if (redocly(args, { echo: false }).status !== 0) {
    redocly(args); // again, to show redocly's own explanation
    return undefined;
  }
  if (lintResult && redocly(["lint", `${api.name}@sdk`]).status !== 0) {
    rmSync(output, { force: true });
    console.error(`✖ spec:bundle: the ${api.name} SDK bundle has lint errors (above); removed ${output}.`);
    return undefined;
  }
  return output;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const outDir = flag("out-dir");
  let failed = false;
  for (const api of loadApis(flag("api"))) {
    const output = outDir ? join(resolve(outDir), basename(api.bundle)) : api.bundle;
    const bundled = bundleApi(api, output, outDir === undefined);
    if (bundled) console.log(`✔ spec:bundle: ${api.name} → ${bundled}`);
    else failed = true;
  }
  process.exitCode = failed ? 1 : 0;
}
