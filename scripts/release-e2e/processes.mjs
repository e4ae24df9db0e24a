// @ts-check
// Every process release:e2e starts and every temporary folder it makes, held in one scope, so
// success, failure, Ctrl-C and SIGTERM all end the same way: our children stopped by their PID
// (each leads a process group of its own, so a command's own children go with it) and our
// folders removed. Servers also get exit-with-parent.mjs preloaded: if release:e2e is killed
// outright (SIGKILL), their stdin closes and they exit. One child's life: children.mjs.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { stopChild, waitForExit, waitUntilReady } from "./children.mjs";

export { CommandError } from "./children.mjs";

const EXIT_WITH_PARENT = pathToFileURL(
  fileURLToPath(new URL("./exit-with-parent.mjs", import.meta.url)),
).href;

/** @typedef {import("node:child_process").ChildProcess} ChildProcess */

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
   * @param {{ cwd: string; env?: NodeJS.ProcessEnv | undefined; stdin?: "ignore" | "pipe" }} options
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
    async run(title, command, args, { cwd, env, timeoutMs = 10 * 60_000, echo }) {
      const child = start(command, args, { cwd, env });
      return waitForExit(child, { title, command, args, timeoutMs, echo });
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
    async startServer(title, script, args, { cwd, env, timeoutMs = 30_000, ready }) {
      const node = ["--import", EXIT_WITH_PARENT, script, ...args];
      const child = start(process.execPath, node, { cwd, env, stdin: "pipe" });
      return waitUntilReady(child, { title, timeoutMs, ready });
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
