// @ts-check
// The mock server in a process of its own (its bin, `signalwire-voice-mock`), so that the CPU it
// spends building pages is not on the account of the process measured against it.
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";

const manifest = createRequire(import.meta.url).resolve("@signalwire-voice/mock-server/package.json");
/** The built bin (`pnpm build` first). */
const bin = join(dirname(manifest), JSON.parse(readFileSync(manifest, "utf8")).bin["signalwire-voice-mock"]);

/**
 * @typedef {object} MockProcess
 * @property {string} baseUrl  the URL it announced: http://127.0.0.1:PORT/api/voice
 * @property {number} pid
 * @property {() => number} cpuSeconds  its CPU time so far (user + system), from /proc; NaN elsewhere
 * @property {() => Promise<void>} stop  SIGTERM, then SIGKILL if it is still there after 5 s
 */

/**
 * Starts `signalwire-voice-mock --port 0 --logs <logs>` on 127.0.0.1, with each of `faults` as a
 * `--fault` rule, and resolves once it has printed its base URL.
 *
 * @example
 * const mock = await startMockProcess({ logs: 200_000, faults: [{ fault: { type: "delay", ms: 20 } }] });
 * // … measure against mock.baseUrl …
 * await mock.stop();
 * @param {{ logs: number; faults?: import("@signalwire-voice/mock-server").FaultRule[] }} options
 * @returns {Promise<MockProcess>}
 */
export async function startMockProcess({ logs, faults = [] }) {
  const args = ["--host", "127.0.0.1", "--port", "0", "--logs", String(logs)];
  for (const rule of faults) args.push("--fault", JSON.stringify(rule));
  const child = spawn(process.execPath, [bin, ...args], { stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const lines = createInterface({ input: /** @type {import("node:stream").Readable} */ (child.stdout) });
  /** @type {string | undefined} */
  const first = await new Promise((resolve, reject) => {
    lines.once("line", resolve);
    child.once("error", reject);
    child.once("exit", (code) =>
      reject(
        new Error(
          `bench: the mock server (${bin} ${args.join(" ")}) exited (${code}) before printing its URL.`,
        ),
      ),
    );
  });
  // Its other lines are read and dropped, so that its stdout never fills up.
  lines.on("line", () => {});
  const baseUrl = String(first).trim();
  if (!/^http:\/\/127\.0\.0\.1:\d+\/api\/voice$/.test(baseUrl)) {
    child.kill("SIGKILL");
    throw new Error(
      `bench: the mock server printed ${JSON.stringify(baseUrl)}, not http://127.0.0.1:PORT/api/voice.`,
    );
  }
  return {
    baseUrl,
    pid: /** @type {number} */ (child.pid),
    cpuSeconds: () => cpuSecondsOf(/** @type {number} */ (child.pid)),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Clock ticks a second, the unit of /proc's CPU times. */
let ticks = 0;

/**
 * The CPU time (user + system) of process `pid` so far, from /proc/<pid>/stat; NaN without /proc.
 *
 * @example cpuSecondsOf(process.pid) // 0.42
 * @param {number} pid
 */
export function cpuSecondsOf(pid) {
  let stat;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return Number.NaN;
  }
  ticks ||= Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout) || Number.NaN;
  // After the command name in parentheses (which may hold spaces): state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / ticks;
}
