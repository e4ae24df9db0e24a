// @ts-check
// Runs this package's pinned @redocly/cli so that its own output (code frames, rule ids) reaches
// the user unchanged, minus the Node 20 deprecation box it prints on every run.
import { execFile, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { redoclyConfig, workspaceDir } from "./apis.mjs";

const require = createRequire(import.meta.url);
/** @type {{ bin: Record<string, string> }} */
const cliPackage = require("@redocly/cli/package.json");
/** The pinned redocly CLI's entry file, for callers that time it as a plain process. */
export const redoclyBin = join(
  dirname(require.resolve("@redocly/cli/package.json")),
  /** @type {string} */ (cliPackage.bin.redocly ?? Object.values(cliPackage.bin)[0]),
);

// No telemetry or update checks: this machine and CI have no business calling home.
const quietEnv = {
  ...process.env,
  REDOCLY_TELEMETRY: "off",
  REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
  REDOCLY_SUPPRESS_NOTIFICATIONS: "true",
};
// From the workspace folder, so reported paths read `spec/voice.yaml:12:3`.
const spawnOptions = { cwd: workspaceDir, env: quietEnv, maxBuffer: 256 * 1024 * 1024 };

/** @typedef {{ status: number; stdout: string; stderr: string }} RedoclyResult */
/** @typedef {{ echo?: boolean }} RedoclyOptions echo: print redocly's output (default true) */

/**
 * Runs `redocly <args>`. `lint` and `bundle` get the pipeline's config unless args name one.
 * @example
 * const { status } = redocly(["lint", "voice@upstream"]);
 * @param {string[]} args
 * @param {RedoclyOptions} [options]
 * @returns {RedoclyResult}
 */
export function redocly(args, { echo = true } = {}) {
  const result = spawnSync(process.execPath, [redoclyBin, ...withConfig(args)], {
    ...spawnOptions,
    encoding: "utf8",
  });
  if (result.error) throw result.error;
  return finish(result.status ?? 1, result.stdout, result.stderr, echo);
}

/**
 * {@link redocly} without blocking: callers comparing many specs (spec-diff, its tests) keep
 * every core busy. At most one redocly per core runs at a time; the others wait their turn.
 * @example
 * const [base, head] = await Promise.all([redoclyAsync(baseArgs), redoclyAsync(headArgs)]);
 * @param {string[]} args
 * @param {RedoclyOptions} [options]
 * @returns {Promise<RedoclyResult>}
 */
export async function redoclyAsync(args, { echo = true } = {}) {
  await takeSlot();
  try {
    /** @type {RedoclyResult} */
    const { status, stdout, stderr } = await new Promise((resolve, reject) => {
      execFile(process.execPath, [redoclyBin, ...withConfig(args)], spawnOptions, (error, stdout, stderr) => {
        // A number is redocly's exit code; a string means Node could not run it (ENOENT, maxBuffer).
        if (typeof error?.code === "string") reject(error);
        else resolve({ status: error ? (error.code ?? 1) : 0, stdout, stderr });
      });
    });
    return finish(status, stdout, stderr, echo);
  } finally {
    releaseSlot();
  }
}

/** @param {string[]} args */
function withConfig(args) {
  const configurable = args[0] === "lint" || args[0] === "bundle";
  return configurable && !args.includes("--config") ? [...args, "--config", redoclyConfig] : args;
}

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
 * @param {number} status
 * @param {string} rawStdout
 * @param {string} rawStderr
 * @param {boolean} echo
 * @returns {RedoclyResult}
 */
function finish(status, rawStdout, rawStderr, echo) {
  const stdout = withoutBanner(rawStdout);
  const stderr = withoutBanner(rawStderr);
  if (echo) {
    process.stdout.write(stdout);
    process.stderr.write(stderr);
  }
  return { status, stdout, stderr };
}

// redocly is CPU-bound from start to exit (~0.25 s of CPU even for a small spec): more
// processes than cores only add memory and context switches.
let free = availableParallelism();
/** @type {Array<() => void>} */
const waiting = [];
/** @returns {Promise<void>} */
function takeSlot() {
  if (free > 0) {
    free -= 1;
    return Promise.resolve();
  }
  return new Promise((resolve) => waiting.push(resolve));
}
function releaseSlot() {
  const next = waiting.shift();
  if (next) next();
  else free += 1;
}
