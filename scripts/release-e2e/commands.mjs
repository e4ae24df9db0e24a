// @ts-check
// How release:e2e runs things, through tinyexec: a command to its end, or a server until it is
// ready. Whatever is still running when release:e2e exits is stopped (`process.on("exit")`;
// the entry point turns Ctrl-C and SIGTERM into an exit). A server also exits by itself when
// release:e2e is killed outright, which runs no handler: it holds the other end of the server's
// stdin, and the server is preloaded to exit when that closes.
import { mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { x } from "tinyexec";

/** @typedef {import("tinyexec").Result} Child */

const EXIT_WITH_PARENT = 'data:text/javascript,process.stdin.on("end",()=>process.exit()).resume()';

/** @type {Set<Child>} */
const running = new Set();
process.on("exit", () => {
  for (const child of running) child.kill();
});

/** A command that failed: what, why, and the end of what it printed. */
export class CommandError extends Error {
  /** @param {string} message @param {string} output */
  constructor(message, output) {
    super(message);
    this.name = "CommandError";
    this.output = output.trimEnd().split("\n").slice(-60).join("\n");
  }
}

/**
 * Runs a command to its end; resolves with its output when it exits 0, rejects with a
 * CommandError otherwise or when it outlives `timeoutMs` (then it is stopped).
 *
 * @example
 * const { stdout } = await run("pnpm version", "pnpm", ["--version"], { cwd: repo });
 *
 * @param {string} title
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string; env?: NodeJS.ProcessEnv | undefined; timeoutMs?: number; echo?: ((text: string) => void) | undefined }} options
 */
export async function run(title, command, args, { cwd, env, timeoutMs = 10 * 60_000, echo }) {
  const shown = `\`${command} ${args.join(" ")}\``;
  const child = x(command, args, {
    nodeOptions: { cwd, env, stdio: ["ignore", "pipe", "pipe"] },
    timeout: timeoutMs,
  });
  running.add(child);
  try {
    const result = await child;
    echo?.(result.stdout + result.stderr);
    if (result.exitCode === 0) return result;
    const why = child.signalCode ? `was stopped (${child.signalCode})` : `exited with ${result.exitCode}`;
    throw new CommandError(`${title} failed: ${shown} ${why}.`, result.stdout + result.stderr);
  } catch (error) {
    if (error instanceof CommandError) throw error;
    const cause = /** @type {Error & { cause?: Error }} */ (error);
    const why =
      cause.cause?.name === "TimeoutError"
        ? `took longer than ${timeoutMs / 1000} s and was stopped`
        : `could not run (${cause.message})`;
    throw new CommandError(`${title} failed: ${shown} ${why}.`, "");
  } finally {
    running.delete(child);
  }
}

/**
 * Starts a Node script that keeps running, its output appended to `log`; resolves once `ready`
 * returns a value for the log so far (it is asked every 100 ms), with that value and `stop()`.
 * Rejects with a CommandError, leaving nothing running, when the script exits first or is not
 * ready within `timeoutMs`.
 *
 * @example
 * const server = await startServer("Mock server", bin, ["--port", "0"], { cwd, log, ready: (text) => /^http\S+/m.exec(text)?.[0] });
 *
 * @template T
 * @param {string} title
 * @param {string} script
 * @param {string[]} args
 * @param {{ cwd: string; env?: NodeJS.ProcessEnv; log: string; timeoutMs?: number; ready: (log: string) => Promise<T | undefined> | T | undefined }} options
 * @returns {Promise<{ value: T; pid: number | undefined; stop: () => Promise<void> }>}
 */
export async function startServer(title, script, args, { cwd, env, log, timeoutMs = 30_000, ready }) {
  const out = openSync(log, "a");
  const child = x(process.execPath, ["--import", EXIT_WITH_PARENT, script, ...args], {
    nodeOptions: { cwd, env, stdio: ["pipe", out, out] },
  });
  running.add(child);
  const exited = () => child.exitCode !== undefined || child.signalCode !== null;
  const stop = async () => {
    if (!exited()) child.kill();
    await child;
    running.delete(child);
  };
  for (const deadline = Date.now() + timeoutMs; ; await sleep(100)) {
    const value = await Promise.resolve(ready(readFileSync(log, "utf8"))).catch(() => undefined);
    if (value !== undefined) return { value, pid: child.pid, stop };
    if (exited() || Date.now() > deadline) {
      const why = exited() ? "exited before it was ready" : `was not ready after ${timeoutMs / 1000} s`;
      await stop();
      throw new CommandError(`${title} ${why}.`, readFileSync(log, "utf8"));
    }
  }
}

/** How many children are still running (release:e2e's last check). */
export const runningCount = () => running.size;

/**
 * A new temporary folder named after this process, removed when it exits (unless `keep`; after
 * the children are stopped). A run killed outright leaves its folder: the folders of runs whose
 * process is gone are removed first.
 *
 * @example
 * const temp = tempFolder({ keep: false, log: console.log }); // /tmp/release-e2e-4242-AbC123
 *
 * @param {{ keep: boolean; log: (line: string) => void; dir?: string }} options
 */
export function tempFolder({ keep, log, dir = tmpdir() }) {
  for (const entry of readdirSync(dir)) {
    const owner = Number(/^release-e2e-(\d+)-/.exec(entry)?.[1]);
    if (!owner || isRunning(owner)) continue;
    rmSync(join(dir, entry), { recursive: true, force: true });
    log(`Removed ${join(dir, entry)}, left by a run that was killed (pid ${owner}).`);
  }
  const folder = mkdtempSync(join(dir, `release-e2e-${process.pid}-`));
  process.on("exit", () => {
    if (!keep) rmSync(folder, { recursive: true, force: true, maxRetries: 3 });
  });
  return folder;
}

/** Signal 0 only asks whether the process exists. @param {number} pid */
function isRunning(pid) {
  try {
    return process.kill(pid, 0);
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === "EPERM";
  }
}
