// @ts-check
// Runs the pinned @redocly/cli so that its own output (code frames, rule ids) reaches the
// user unchanged, minus the Node 20 deprecation box it prints on every run.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { repoRoot, specDir } from "./apis.mjs";

const require = createRequire(join(specDir, "package.json"));
const cliDir = dirname(require.resolve("@redocly/cli/package.json"));
/** @type {{ bin: Record<string, string> }} */
const cliPackage = require("@redocly/cli/package.json");
const cliBin = join(
  cliDir,
  /** @type {string} */ (cliPackage.bin.redocly ?? Object.values(cliPackage.bin)[0]),
);

// No telemetry or update checks: this machine and CI have no business calling home.
const quietEnv = {
  ...process.env,
  REDOCLY_TELEMETRY: "off",
  REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
  REDOCLY_SUPPRESS_NOTIFICATIONS: "true",
};

/**
 * Drops the framed "Node.js 20 support is ending" notice; keeps everything else.
 * @param {string} text
 */
function withoutBanner(text) {
  return text
    .split("\n")
    .filter((line) => !/^\s*[╔║╚]/.test(line))
    .join("\n")
    .replace(/^\n+/, "");
}

/**
 * Runs `redocly <args>` from the repo root (where redocly.yaml lives).
 * @param {string[]} args
 * @param {{ echo?: boolean }} [options] echo: print redocly's output (default true)
 * @returns {{ status: number; stdout: string; stderr: string }}
 */
export function redocly(args, { echo = true } = {}) {
  const result = spawnSync(process.execPath, [cliBin, ...args], {
    cwd: repoRoot,
    env: quietEnv,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  const stdout = withoutBanner(result.stdout);
  const stderr = withoutBanner(result.stderr);
  if (echo) {
    process.stdout.write(stdout);
    process.stderr.write(stderr);
  }
  return { status: result.status ?? 1, stdout, stderr };
}
