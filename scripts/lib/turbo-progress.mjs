// @ts-check
// turbo's own output, cut down to progress: one line when a task starts (or is replayed from
// the cache), the `✔` lines tasks print when they finish (tsdown, our pipeline scripts), what
// turbo says of the whole run (its summary, its own errors), and the whole log of any task that
// failed. A cold `npm start` runs ~20 tasks; this
// shows each as it happens without the hundreds of lines of build chatter.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

// `<package>:<task>: <text>`: a package name has no colon, a task name no space ("spec:lint").
const TASK_LINE = /^([^:\s]+):(\S+?):(?: (.*))?$/;
const STARTED = /^cache (?:miss|bypass), (?:force )?executing/;
const CACHED = /^cache hit/;
// turbo's banner ("• Packages in scope: …", "• Remote caching disabled"): the rest of what it
// prints for the whole run (the summary, an error such as a missing package manager) is shown.
const BANNER = /^\s*(•|$)/;

/**
 * Turns turbo's `--output-logs=new-only` lines into progress lines; call `end()` with turbo's
 * exit status for the failed tasks' logs.
 *
 * @example
 * const progress = createProgress(console.log);
 * progress.line("@signalwire-voice/spec:spec:lint: cache miss, executing 66d5a4224428b68d");
 * // prints "  ▸ spec:lint    @signalwire-voice/spec"
 *
 * @param {(line: string) => void} print
 */
export function createProgress(print) {
  /** Every line of each task, by `package#task`, for when it fails. @type {Map<string, string[]>} */
  const logs = new Map();
  /** @type {string[]} */
  const failed = [];
  /** Tasks whose finish line was printed. @type {Set<string>} */
  const finished = new Set();
  return {
    /** @param {string} raw */
    line(raw) {
      const match = TASK_LINE.exec(raw);
      if (!match) {
        if (!BANNER.test(raw)) print(raw);
        const failedList = /^\s*Failed:\s+(.*)$/.exec(raw);
        if (failedList?.[1]) failed.push(...failedList[1].split(/[\s,]+/).filter(Boolean));
        return;
      }
      const [, pkg = "", task = "", text = ""] = match;
      const key = `${pkg}#${task}`;
      const log = logs.get(key) ?? [];
      logs.set(key, log);
      log.push(text);
      const done = /^\s*✔\s*(.*)$/.exec(text);
      if (STARTED.test(text)) print(`  ▸ ${task.padEnd(12)} ${pkg}`);
      else if (CACHED.test(text)) print(`  ✔ ${task.padEnd(12)} ${pkg}  (cached)`);
      else if (done && !finished.has(key)) {
        // Only a task's first: tsdown prints one per output format.
        finished.add(key);
        print(`  ✔ ${task.padEnd(12)} ${pkg}  ${done[1]}`);
      }
    },
    /** @param {number} status turbo's exit status */
    end(status) {
      if (status === 0) return;
      const keys = failed.length ? failed : [...logs.keys()];
      for (const key of keys) {
        const log = logs.get(key);
        if (!log) continue;
        print(`\n── ${key} ──`);
        for (const text of log) print(text);
      }
    },
  };
}

/**
 * Runs `turbo run <args> --output-logs=new-only` and prints its progress; resolves with turbo's
 * exit status.
 *
 * @example
 * const status = await runTurboWithProgress(turboBin, ["build"], { cwd: repoRoot, env: toolEnv });
 *
 * @param {string} turbo the turbo executable
 * @param {string[]} args tasks and flags after `turbo run`
 * @param {{ cwd: string; env: NodeJS.ProcessEnv; print?: (line: string) => void }} options
 * @returns {Promise<number>}
 */
export function runTurboWithProgress(turbo, args, { cwd, env, print = (line) => console.log(line) }) {
  const progress = createProgress(print);
  const child = spawn(turbo, ["run", ...args, "--output-logs=new-only", "--no-color"], {
    cwd,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on("line", (line) => progress.line(line));
  }
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      const status = code ?? (signal ? 1 : 0);
      progress.end(status);
      resolve(status);
    });
  });
}
