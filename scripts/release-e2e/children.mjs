// @ts-check
// One child process of release:e2e, from start to end: waiting for a command to exit (with its
// output), or for a server to say it is ready; and stopping it by its process group, so what
// it started goes with it. processes.mjs holds them all in one scope.

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
export function stopChild(child, graceMs = 5000) {
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
 * Resolves with a command's output once it exits 0; rejects with a CommandError that carries
 * the end of that output when it exits otherwise or outlives `timeoutMs` (then it is stopped).
 *
 * @example
 * await waitForExit(spawn("pnpm", ["build"], { detached: true }), { title: "build", command: "pnpm", args: ["build"], timeoutMs: 60_000 });
 *
 * @param {ChildProcess} child spawned detached (it leads its process group), stdout and stderr piped
 * @param {{ title: string; command: string; args: string[]; timeoutMs: number; echo?: ((text: string) => void) | undefined }} options
 * @returns {Promise<{ stdout: string; stderr: string }>}
 */
export function waitForExit(child, { title, command, args, timeoutMs, echo }) {
  return new Promise((resolve, reject) => {
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
}

/**
 * Resolves once `ready` returns a value for a line the child printed (on stdout or stderr),
 * with that value and a `stop()`; rejects with a CommandError (and stops the child) when it
 * exits first or is not ready within `timeoutMs`.
 *
 * @template T
 * @param {ChildProcess} child spawned detached, stdout and stderr piped
 * @param {{ title: string; timeoutMs: number; ready: (line: string) => T | undefined }} options
 * @returns {Promise<{ value: T; pid: number; output: () => string; stop: () => Promise<void> }>}
 */
export function waitUntilReady(child, { title, timeoutMs, ready }) {
  return new Promise((resolve, reject) => {
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
}
