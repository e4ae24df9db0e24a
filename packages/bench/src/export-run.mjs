// @ts-check
// One `signalwire-voice logs export` in a process of its own, to a file in a temporary folder:
// its wall time, the lines it wrote (checked against the logs the mock has in the range), its
// peak RSS and CPU time (peak-memory.mjs, preloaded by `measure`).
import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { MOCK_SERVER_DEFAULTS } from "@signalwire-voice/mock-server";
import { measure } from "./measure.mjs";

const manifest = createRequire(import.meta.url).resolve("@signalwire-voice/cli/package.json");
/** The built bin (`pnpm build` first). */
export const cliBin = join(
  dirname(manifest),
  JSON.parse(readFileSync(manifest, "utf8")).bin["signalwire-voice"],
);

/**
 * Which of `wanted` (each a flag and its value, if it takes one) `logs export` accepts: asked
 * with `--help`, so nothing is sent, and the CLI refuses an unknown flag (exit 2) even then.
 *
 * @example acceptedFlags([["--concurrency", "1"], ["--quiet"]]) // Set { "--concurrency", "--quiet" }
 * @param {string[][]} wanted
 * @returns {Set<string>}
 */
export function acceptedFlags(wanted) {
  const accepted = wanted.filter(
    (flag) =>
      spawnSync(process.execPath, [cliBin, "logs", "export", ...flag, "--help"], { stdio: "ignore" })
        .status === 0,
  );
  return new Set(accepted.map(([flag]) => String(flag)));
}

/**
 * @typedef {object} ExportRun
 * @property {number} seconds   wall time of the process, start to exit
 * @property {number} lines     lines written, each one log
 * @property {number} maxRssMiB  getrusage's ru_maxrss at its exit
 * @property {number} cpuSeconds user + system
 */

/**
 * Exports `[since, until)` from the mock at `baseUrl` to a file in a new folder under `dir`,
 * removes that folder (the file, its state file) again, and throws when the file has not exactly
 * `expected` lines: the speed of a broken export is no figure.
 *
 * @example runExport({ baseUrl, since: "2025-09-01", until: "2026-01-01", expected: 200_000, dir, name: "c4", flags: ["--concurrency", "4"] })
 * // { seconds: 2.1, lines: 200000, maxRssMiB: 150.2, cpuSeconds: 1.6 }
 * @param {{ baseUrl: string; since: string; until: string; expected: number; dir: string; name: string; flags?: string[] }} options
 *   flags: more flags for `logs export` (`--concurrency 4`, `--quiet`)
 * @returns {ExportRun}
 */
export function runExport({ baseUrl, since, until, expected, dir, name, flags = [] }) {
  const folder = mkdtempSync(join(dir, `${name}-`));
  const out = join(folder, "logs.ndjson");
  const args = ["logs", "export", "--since", since, "--until", until, "--out", out, ...flags];
  const env = {
    ...process.env,
    SIGNALWIRE_BASE_URL: baseUrl,
    SIGNALWIRE_PROJECT_ID: MOCK_SERVER_DEFAULTS.projectId,
    SIGNALWIRE_API_TOKEN: MOCK_SERVER_DEFAULTS.token,
  };
  try {
    const { seconds, processes } = measure(process.execPath, [cliBin, ...args], {
      cwd: folder,
      env,
      memory: true,
    });
    const lines = countLines(out);
    if (lines !== expected) {
      throw new Error(
        `bench: \`signalwire-voice ${args.join(" ")}\` wrote ${lines} lines; the mock has ${expected} logs in that range. Fix the export before timing it.`,
      );
    }
    // The export's process; were it to start others with the same arguments, the largest.
    const [run] = processes
      .filter((entry) => entry.argv.includes("export"))
      .sort((a, b) => b.maxRssKiB - a.maxRssKiB);
    if (!run) throw new Error("bench: the export process left no record of its memory and CPU.");
    return { seconds, lines, maxRssMiB: run.maxRssKiB / 1024, cpuSeconds: run.cpuSeconds };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * The newlines in `file`, read in chunks (an export of a million logs is ~380 MB).
 *
 * @example countLines("/tmp/bench-export-x/c1-y/logs.ndjson") // 200000
 * @param {string} file
 */
export function countLines(file) {
  const fd = openSync(file, "r");
  const buffer = Buffer.allocUnsafe(1 << 20);
  let lines = 0;
  try {
    for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) {
      const chunk = buffer.subarray(0, read);
      for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++;
    }
  } finally {
    closeSync(fd);
  }
  return lines;
}
