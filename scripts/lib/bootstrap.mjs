// @ts-check
// What `npm start` and `npm test` need on a machine with only Node and npm: the pinned pnpm,
// the workspace's dependencies, and a way to run each pipeline step with a visible header.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./apis.mjs";

/** @type {{ packageManager: string; engines: { node: string } }} */
const rootPackage = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8"));
const pnpmVersion = rootPackage.packageManager.replace(/^pnpm@/, "");

/** Quiet, offline-friendly tools: no telemetry, no update checks. */
export const toolEnv = {
  ...process.env,
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

/** The pinned pnpm: the one on PATH when it is that version, else fetched once through npx. */
export function pnpmCommand() {
  const onPath = spawnSync("pnpm", ["--version"], { encoding: "utf8", env: toolEnv });
  if (onPath.status === 0 && onPath.stdout.trim() === pnpmVersion) return { command: "pnpm", prefix: [] };
  return { command: "npx", prefix: ["--yes", `pnpm@${pnpmVersion}`] };
}

/** Installs the workspace exactly as the lockfile says. */
export function installDependencies() {
  const pnpm = pnpmCommand();
  step(`Install dependencies (pnpm ${pnpmVersion}, frozen lockfile)`, pnpm.command, [
    ...pnpm.prefix,
    "install",
    "--frozen-lockfile",
  ]);
  return pnpm;
}

/**
 * Runs turbo from the workspace's own install.
 * @param {string} title
 * @param {string[]} args
 */
export function turbo(title, args) {
  step(title, join(repoRoot, "node_modules/.bin/turbo"), ["run", ...args]);
}
