// @ts-check
// Every process release:e2e starts and every temporary folder it makes, held in one scope, so
// success, failure, Ctrl-C and SIGTERM all end the same way: our children stopped by their PID
// (each leads a process group of its own, so a command's own children go with it) and our
// folders removed. Servers also get exit-with-parent.mjs preloaded: if release:e2e is killed
// outright (SIGKILL), their stdin closes and they exit.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const EXIT_WITH_PARENT = pathToFileURL(
  fileURLToPath(new URL("./exit-with-parent.mjs", import.meta.url)),
).href;

/** @typedef {import("node:child_process").ChildProcess} ChildProcess */

/** A command that failed: its title, exit, and the end of what it printed. */
export class CommandError extends Error {
  /** @param {string} message @param {string} output */
  constructor(message, output) {
    super(message);
    this.name = "CommandError";
    this.output = output;
  }
}

/**
 * Sends `signal` to the process group `pid` leads (a child we spawned with `detached: true`).
 * Only to the group: once the leader has exited, its PID alone may already name someone else.
 * @param {number} pid @param {NodeJS.Signals} signal
 */
function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is gone.
  }
}

/**
 * Stops a child: SIGTERM to its group, SIGKILL after `graceMs` if it is still there.
 * @param {ChildProcess} child @param {number} [graceMs]
 * @returns {Promise<void>}
 */
function stopChild(child, graceMs = 5000) {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve();
  const pid = child.pid;
  return new Promise((resolve) => {
    const timer = setTimeout(() => signalGroup(pid, "SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      // Whatever the group leader left behind goes too.
      signalGroup(pid, "SIGKILL");
      resolve();
    });
    signalGroup(pid, "SIGTERM");
  });
}

/**
 * The processes and folders of one run, and the ways to start them.
 *
 * @example
 * const scope = createScope();
 * try { await scope.run("build", "pnpm", ["build"], { cwd }); } finally { await scope.close(); }
 */
export function createScope() {
  /** @type {Set<ChildProcess>} */
  const children = new Set();
  /** @type {string[]} */
  const folders = [];
  let closing = false;

  /**
   * @param {string} command @param {string[]} args
   * @param {{ cwd: string; env?: NodeJS.ProcessEnv; stdin?: "ignore" | "pipe" }} options
   */
  function start(command, args, { cwd, env = process.env, stdin = "ignore" }) {
    if (closing) throw new Error("release:e2e is stopping; not starting anything new.");
    const child = spawn(command, args, { cwd, env, detached: true, stdio: [stdin, "pipe", "pipe"] });
    children.add(child);
    child.once("exit", () => children.delete(child));
    return child;
  }

  return {
    /** @param {string} folder removed on close */
    addFolder(folder) {
      folders.push(folder);
    },

    /**
     * Runs a command to its end; resolves with its output, rejects with a CommandError that
     * carries the end of that output when it exits non-zero or outlives `timeoutMs`.
     * @param {string} title
     * @param {string} command
     * @param {string[]} args
     * @param {{ cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; echo?: (text: string) => void }} options
     * @returns {Promise<{ stdout: string; stderr: string }>}
     */
    run(title, command, args, { cwd, env, timeoutMs = 10 * 60_000, echo }) {
      return new Promise((resolve, reject) => {
        const child = start(command, args, { cwd, ...(env && { env }) });
        let stdout = "";
        let stderr = "";
        let all = "";
        child.stdout?.on("data", (chunk) => {
          stdout += chunk;
          all += chunk;
          echo?.(String(chunk));
        });
        child.stderr?.on("data", (chunk) => {
          stderr += chunk;
          all += chunk;
          echo?.(String(chunk));
        });
        let timedOut = false;
        const timer = setTimeout(() => {
          timedOut = true;
          void stopChild(child);
        }, timeoutMs);
        child.once("error", (error) => {
          clearTimeout(timer);
          reject(new CommandError(`${title}: could not start ${command} (${error.message}).`, ""));
        });
        child.once("close", (code, signal) => {
          clearTimeout(timer);
          if (code === 0) return resolve({ stdout, stderr });
          const why = timedOut
            ? `took longer than ${timeoutMs / 1000} s and was stopped`
            : `exited with ${code ?? signal}`;
          const tail = all.trimEnd().split("\n").slice(-60).join("\n");
          reject(new CommandError(`${title} failed: \`${command} ${args.join(" ")}\` ${why}.`, tail));
        });
      });
    },

    /**
     * Starts a Node server script that keeps running; resolves once `ready` returns a value for
     * a line it printed (on stdout or stderr), with that value and a `stop()`.
     * @template T
     * @param {string} title
     * @param {string} script
     * @param {string[]} args
     * @param {{ cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; ready: (line: string) => T | undefined }} options
     * @returns {Promise<{ value: T; pid: number; output: () => string; stop: () => Promise<void> }>}
     */
    startServer(title, script, args, { cwd, env, timeoutMs = 30_000, ready }) {
      return new Promise((resolve, reject) => {
        const child = start(process.execPath, ["--import", EXIT_WITH_PARENT, script, ...args], {
          cwd,
          ...(env && { env }),
          stdin: "pipe",
        });
        let output = "";
        let settled = false;
        const fail = (/** @type {string} */ why) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          void stopChild(child);
          reject(new CommandError(`${title} ${why}.`, output.trimEnd().split("\n").slice(-40).join("\n")));
        };
        const timer = setTimeout(() => fail(`was not ready after ${timeoutMs / 1000} s`), timeoutMs);
        const onData = (/** @type {Buffer} */ chunk) => {
          output += chunk;
          if (settled) return;
          for (const line of output.split("\n")) {
            const value = ready(line);
            if (value === undefined) continue;
            settled = true;
            clearTimeout(timer);
            resolve({
              value,
              pid: /** @type {number} */ (child.pid),
              output: () => output,
              stop: () => stopChild(child),
            });
            return;
          }
        };
        child.stdout?.on("data", onData);
        child.stderr?.on("data", onData);
        child.once("error", (error) => fail(`could not start (${error.message})`));
        child.once("exit", (code, signal) => fail(`exited (${code ?? signal}) before it was ready`));
      });
    },

    /** Stops every child still running (by PID) and removes every folder. Safe to call twice. */
    async close() {
      closing = true;
      await Promise.all([...children].map((child) => stopChild(child)));
      for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
    },

    /** How many of our children are still running (for the final check). */
    running() {
      return children.size;
    },
  };
}
