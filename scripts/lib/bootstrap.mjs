// @ts-check
// What `npm start` and `npm test` need on a machine with only Node and npm: the pinned pnpm,
// installed inside the repo (scripts/toolchain), the workspace's dependencies, and a way to run
// each pipeline step with a visible header.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { delimiter, join } from "node:path";
import { repoRoot } from "./apis.mjs";
import { ensureNpmTools } from "./npm-tools.mjs";
import { linkPnpm } from "./pnpm-bin.mjs";
import { runTurboWithProgress } from "./turbo-progress.mjs";

/** @type {{ packageManager: string; engines: { node: string } }} */
const rootPackage = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8"));
const pnpmVersion = rootPackage.packageManager.replace(/^pnpm@/, "");

/** The folder whose npm install holds the pinned pnpm (never a global one). */
export const toolchainDir = join(repoRoot, "scripts/toolchain");
/** Where `pnpm` is linked once installed; first on every tool's PATH. */
const pnpmBinDir = join(toolchainDir, "node_modules/.pnpm-bin");

/**
 * Quiet, offline-friendly tools: no telemetry, no update checks. PATH starts with the repo's
 * pnpm and the workspace's bins: turbo looks `pnpm` up on PATH to run package scripts.
 */
export const toolEnv = {
  ...process.env,
  PATH: [pnpmBinDir, join(repoRoot, "node_modules/.bin"), process.env.PATH ?? ""].join(delimiter),
  TURBO_TELEMETRY_DISABLED: "1",
  DO_NOT_TRACK: "1",
  npm_config_update_notifier: "false",
  pnpm_config_update_notifier: "false",
  REDOCLY_TELEMETRY: "off",
};

/** Fails early, with the fix, on a Node older than engines.node. */
export function requireNode() {
  const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(
      `✖ Node ${process.versions.node} is too old: this repo needs Node ${rootPackage.engines.node}. Install a newer Node and retry.`,
    );
    process.exit(1);
  }
}

/**
 * Runs a command with inherited output; exits with its status when it fails.
 * @param {string} title shown before the command, so long runs show where they are
 * @param {string} command
 * @param {string[]} args
 */
export function step(title, command, args) {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: "inherit", env: toolEnv });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    console.error(`✖ ${title} failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

/**
 * The pinned pnpm, installed with `npm ci` into scripts/toolchain the first time (and again when
 * its lockfile changes), then linked as `pnpm` into a folder on toolEnv's PATH.
 *
 * @example
 * const pnpm = pnpmCommand(); // { command: "…/scripts/toolchain/node_modules/.pnpm-bin/pnpm", prefix: [] }
 *
 * @returns {{ command: string; prefix: string[] }}
 */
export function pnpmCommand() {
  /** @type {{ dependencies: { pnpm: string } }} */
  const toolchain = JSON.parse(readFileSync(join(toolchainDir, "package.json"), "utf8"));
  if (toolchain.dependencies.pnpm !== pnpmVersion) {
    throw new Error(
      `scripts/toolchain/package.json pins pnpm ${toolchain.dependencies.pnpm}, but package.json's packageManager says ${pnpmVersion}. Make them agree (and run \`npm install --package-lock-only\` in scripts/toolchain).`,
    );
  }
  ensureNpmTools(toolchainDir);
  const command = join(pnpmBinDir, "pnpm");
  // The link points into the install, so it names the pinned version while it resolves.
  if (!existsSync(command)) linkPnpm(toolchainDir, pnpmBinDir);
  return { command, prefix: [] };
}

/**
 * Installs the workspace exactly as the lockfile says, then links the pinned pnpm into
 * node_modules/.bin, so that `npm run <script>` and `npx pnpm <command>` find it (turbo runs
 * each package's scripts with the `pnpm` on PATH).
 */
export function installDependencies() {
  const pnpm = pnpmCommand();
  step(`Install dependencies (pnpm ${pnpmVersion}, frozen lockfile)`, pnpm.command, [
    ...pnpm.prefix,
    "install",
    "--frozen-lockfile",
  ]);
  const link = join(repoRoot, "node_modules/.bin/pnpm");
  rmSync(link, { force: true });
  symlinkSync(pnpm.command, link);
  return pnpm;
}

/**
 * A turbo run as one step: a line per task as it starts, is replayed from the cache or
 * finishes, and the log of any task that failed; exits with turbo's status when it fails.
 *
 * @example
 * await turboStep("Pipeline: spec:lint → spec:bundle → generate → build", ["build"]);
 *
 * @param {string} title
 * @param {string[]} args tasks and flags after `turbo run`
 */
export async function turboStep(title, args) {
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
