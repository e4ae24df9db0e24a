// @ts-check
// Preloaded into every Node process of a measured command (NODE_OPTIONS=--import=<this file>,
// which children inherit): when the process exits, it appends one JSON line with its pid, parent
// pid, argv, peak RSS (getrusage's ru_maxrss) and CPU time (user + system, seconds) to
// $BENCH_MEMORY_LOG. So a step's peak memory is known even when the work happens in a child, as
// redocly does under the pipeline's `lint`.
import { appendFileSync } from "node:fs";

const log = process.env.BENCH_MEMORY_LOG;
if (log) {
  process.on("exit", () => {
    const { pid, ppid } = process;
    const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
    const cpuSeconds = (userCPUTime + systemCPUTime) / 1e6;
    const record = { pid, ppid, argv: process.argv.slice(1), maxRssKiB: maxRSS, cpuSeconds };
    appendFileSync(log, `${JSON.stringify(record)}\n`);
  });
}
