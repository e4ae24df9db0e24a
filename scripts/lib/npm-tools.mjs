// @ts-check
// Tools that must stay out of the pnpm workspace (Verdaccio, the workflow linters) live in a
// folder of their own with a package.json and package-lock.json, installed there with `npm ci`
// the first time a script needs them, and again whenever the lockfile changes.
import { execFile, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { repoRoot } from "./apis.mjs";

const STAMP = ".installed-from.sha256";

/** @param {string} folder */
function lockHash(folder) {
  const hash = createHash("sha256");
  for (const file of ["package.json", "package-lock.json"]) hash.update(readFileSync(join(folder, file)));
  return hash.digest("hex");
}

/**
 * Installs `folder`'s dependencies with `npm ci` unless they already match its lockfile.
 * Lifecycle scripts are skipped: none of these tools needs one, and skipping them keeps the
 * install the same under every npm version.
 *
 * @example
 * ensureNpmTools(join(repoRoot, "scripts/release-e2e")); // then import from its node_modules
 *
 * @param {string} folder absolute path of a folder with package.json and package-lock.json
 * @param {{ log?: (line: string) => void }} [options]
 */
export function ensureNpmTools(folder, { log = (line) => console.log(line) } = {}) {
  const stamp = join(folder, "node_modules", STAMP);
  const wanted = lockHash(folder);
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === wanted) return;
  const started = Date.now();
  log(`  installing ${relative(repoRoot, folder)} with npm ci (its own lockfile, outside the workspace)…`);
  const result = spawnSync("npm", ["ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], {
    cwd: folder,
    encoding: "utf8",
    env: { ...process.env, npm_config_update_notifier: "false" },
  });
  if (result.error || result.status !== 0) {
    throw new Error(
      `npm ci in ${relative(repoRoot, folder)} failed (exit ${result.status}): ${result.error?.message ?? ""}${result.stderr}\n` +
        "Check that the npm registry is reachable, or run `npm ci` in that folder to see the full error.",
    );
  }
  writeFileSync(stamp, wanted);
  log(`  installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * {@link ensureNpmTools} for several folders at once, each in a child process, so their
 * downloads overlap other work (`npm test` installs them while turbo runs). Resolves when every
 * folder is installed; rejects with npm's reason if one fails.
 *
 * @example
 * const tools = installNpmToolsInBackground([join(repoRoot, "scripts/release-e2e")]);
 * // … other work …
 * await tools;
 *
 * @param {string[]} folders
 * @returns {Promise<void>}
 */
export async function installNpmToolsInBackground(folders) {
  const script = `import(${JSON.stringify(import.meta.url)}).then((m) => m.ensureNpmTools(process.argv[1], { log: () => {} }))`;
  // Plain child_process: this module runs before the workspace's dependencies are installed.
  const install = (/** @type {string} */ folder) =>
    promisify(execFile)(process.execPath, ["-e", script, folder]).catch(
      (/** @type {{ stderr?: string }} */ error) => {
        throw new Error(`installing ${relative(repoRoot, folder)} failed:\n${error.stderr ?? error}`);
      },
    );
  await Promise.all(folders.map(install));
}

/**
 * Loads `specifier` (CommonJS) as resolved from `folder`'s node_modules, after `ensureNpmTools`.
 * The result is `unknown`: callers cast it to the few members they use, so `tsc` passes on a
 * fresh clone where the folder is not installed yet.
 *
 * @example
 * const yaml = loadNpmTool(folder, "yaml"); // cast with a JSDoc type of the members you use
 *
 * @param {string} folder
 * @param {string} specifier
 * @returns {unknown}
 */
export function loadNpmTool(folder, specifier) {
  return createRequire(join(folder, "package.json"))(specifier);
}

/**
 * The absolute path of a package's bin, as installed in `folder`.
 *
 * @example
 * binPath(toolsDir, "verdaccio") // …/scripts/release-e2e/node_modules/verdaccio/bin/verdaccio
 *
 * @param {string} folder
 * @param {string} packageName
 * @param {string} [binName] defaults to the package name (without scope)
 */
export function binPath(folder, packageName, binName) {
  const manifestPath = join(folder, "node_modules", packageName, "package.json");
  /** @type {{ bin?: string | Record<string, string> }} */
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  const name = binName ?? packageName.replace(/^@[^/]+\//, "");
  const bin = typeof manifest.bin === "string" ? manifest.bin : manifest.bin?.[name];
  if (!bin) throw new Error(`${packageName} in ${folder} has no bin named ${name}.`);
  return join(folder, "node_modules", packageName, bin);
}
