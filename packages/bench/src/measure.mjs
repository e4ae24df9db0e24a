// @ts-check
// Runs one measured command: its wall time, its stdout and, with `memory`, the peak RSS of every
// Node process it started (each one preloads peak-memory.mjs through NODE_OPTIONS).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const preload = new URL("./peak-memory.mjs", import.meta.url).href;

/**
 * @typedef {{ pid: number; ppid: number; argv: string[]; maxRssKiB: number; cpuSeconds: number }} ProcessMemory
 * @typedef {{ seconds: number; stdout: string; processes: ProcessMemory[] }} Measured
 */

/**
 * Runs `command args` in `cwd` and times it; throws, with the end of its output, when it fails.
 *
 * @example measure(process.execPath, ["packages/pipeline/src/cli.mjs", "lint", "--api", "rest"], { cwd, memory: true })
 * // { seconds: 4.2, stdout: "…", processes: [{ pid, argv: [".../cli.js", "lint", "rest@upstream"], maxRssKiB: 180000 }, …] }
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string; env?: NodeJS.ProcessEnv; memory?: boolean; live?: boolean }} options
 *   live: let the command's stderr through (the benches print their tables there as they go)
 * @returns {Measured}
 */
export function measure(command, args, { cwd, env = process.env, memory = false, live = false }) {
  const logDir = memory ? mkdtempSync(join(tmpdir(), "bench-memory-")) : undefined;
  const log = logDir ? join(logDir, "processes.jsonl") : undefined;
  const runEnv = log
    ? { ...env, BENCH_MEMORY_LOG: log, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ""} --import=${preload}`.trim() }
    : env;
  try {
    const started = process.hrtime.bigint();
    const result = spawnSync(command, args, {
      cwd,
      env: runEnv,
      encoding: "utf8",
      maxBuffer: 512 * 1024 * 1024,
      stdio: ["ignore", "pipe", live ? "inherit" : "pipe"],
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (result.error) throw result.error;
    if (result.status !== 0) {
      const output = `${result.stderr ?? ""}\n${result.stdout}`.trim().split("\n").slice(-30).join("\n");
      throw new Error(
        `bench: \`${[command, ...args].join(" ")}\` failed (exit ${result.status}) in ${cwd}:\n${output}`,
      );
    }
    const processes =
      log && existsSync(log)
        ? readFileSync(log, "utf8")
            .trim()
            .split("\n")
            .map((line) => /** @type {ProcessMemory} */ (JSON.parse(line)))
        : [];
    return { seconds, stdout: result.stdout, processes };
  } finally {
    if (logDir) rmSync(logDir, { recursive: true, force: true });
  }
}

/**
 * The peak RSS, in MiB, of the largest of `processes` whose argv `matches`.
 *
 * @example peakRssMiB(processes, (argv) => argv.includes("lint")) // 171.3
 * @param {ProcessMemory[]} processes
 * @param {(argv: string[]) => boolean} [matches]
 */
export function peakRssMiB(processes, matches = () => true) {
  const kib = processes.filter((entry) => matches(entry.argv)).map((entry) => entry.maxRssKiB);
  if (kib.length === 0) throw new Error("bench: no measured Node process matched.");
  return Math.max(...kib) / 1024;
}

/**
 * The JSON object a bench printed as its last line of stdout (its `--json` output).
 *
 * @example lastJson('warming up\n{"rounds":3}\n') // { rounds: 3 }
 * @param {string} stdout
 * @returns {any}
 */
export function lastJson(stdout) {
  const line = stdout.trim().split("\n").pop() ?? "";
  return JSON.parse(line);
}
