// @ts-check
// One timed `turbo run build` in the bench's copy of the repo, with turbo's own run summary:
// which tasks ran and which were cache hits, how long each took, and what depends on what.
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { measure } from "./measure.mjs";

/**
 * @typedef {object} TaskRun
 * @property {string} taskId       "@signalwire-voice/types#build"
 * @property {boolean} real        false for a task the package has no script for (turbo keeps it in the graph)
 * @property {boolean} hit         served from the cache
 * @property {number} seconds      from turbo's summary (0 for a cache hit)
 * @property {string[]} dependencies the tasks it waits for
 * @property {string[]} dependents   the tasks that wait for it
 */

/**
 * Runs `turbo run build <extra>` in `copy` and reads the summary it wrote.
 *
 * @example turboBuild("/tmp/bench-x/repo", ["--force"]) // { seconds: 31.2, tasks: [{ taskId, real, hit, … }, …] }
 * @param {string} copy
 * @param {string[]} extra
 * @returns {{ seconds: number; tasks: TaskRun[] }}
 */
export function turboBuild(copy, extra = []) {
  const runs = join(copy, ".turbo/runs");
  rmSync(runs, { recursive: true, force: true });
  const { seconds } = measure(
    join(copy, "node_modules/.bin/turbo"),
    ["run", "build", "--output-logs=errors-only", "--summarize", ...extra],
    { cwd: copy },
  );
  const [file] = readdirSync(runs);
  if (!file) throw new Error(`bench: turbo wrote no run summary in ${runs}.`);
  /** @type {{ tasks: Array<{ taskId: string; command: string; cache: { status: string }; execution?: { startTime: number; endTime: number }; dependencies?: string[]; dependents?: string[] }> }} */
  const summary = JSON.parse(readFileSync(join(runs, file), "utf8"));
  const tasks = summary.tasks.map((task) => ({
    taskId: task.taskId,
    real: task.command !== "<NONEXISTENT>",
    hit: task.cache.status === "HIT",
    seconds: task.execution ? (task.execution.endTime - task.execution.startTime) / 1000 : 0,
    dependencies: task.dependencies ?? [],
    dependents: task.dependents ?? [],
  }));
  return { seconds, tasks };
}

/**
 * The ids of `root` and of every task that depends on it, directly or not.
 *
 * @example downstreamOf(tasks, "@signalwire-voice/spec#spec:lint") // Set { "…spec#spec:lint", "…spec#spec:bundle", "…types#generate", … }
 * @param {TaskRun[]} tasks
 * @param {string} root
 */
export function downstreamOf(tasks, root) {
  // Both lists of the summary: each misses edges through tasks a package has no script for.
  /** @type {Map<string, Set<string>>} */
  const dependents = new Map();
  const edge = (/** @type {string} */ from, /** @type {string} */ to) =>
    dependents.set(from, (dependents.get(from) ?? new Set()).add(to));
  for (const task of tasks) {
    for (const dependency of task.dependencies) edge(dependency, task.taskId);
    for (const dependent of task.dependents) edge(task.taskId, dependent);
  }
  const seen = new Set([root]);
  const queue = [root];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const dependent of dependents.get(id) ?? []) {
      if (!seen.has(dependent)) {
        seen.add(dependent);
        queue.push(dependent);
      }
    }
  }
  return seen;
}
