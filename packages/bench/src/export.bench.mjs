// @ts-check
// `signalwire-voice logs export` against the mock server, each in a process of its own (the mock
// through its bin, so its CPU is not the export's), the export writing to a file in a temporary
// folder, every run's line count checked against the logs the mock has in the range:
//
//   1. latency: 20 ms added to every answer, `--concurrency 4` against `--concurrency 1`, wall
//      time (the export waits on the network; aim: ≥ 3× faster);
//   2. local: no latency, `--concurrency 1` against a bare `paginate` walk that writes nothing
//      (src/paginate-walk.mjs), logs/s (aim: ≥ 0.9×);
//   3. memory: the export's peak RSS over 1 000 000 logs, and its time (aim: ≤ 150 MB), beside
//      the bare `paginate` walk's as a control.
//
// The sides of 1 and 2 take turns, who goes first alternating by round. A flag that `logs export`
// does not accept yet is left out, and what needs it is reported missing. A benchmark,
// not a test. Run it after `pnpm build`:
//
//   node src/export.bench.mjs [--logs 200000] [--memory-logs 1000000] [--latency-rounds 3] [--local-rounds 5] [--json]
//
// --json: the table goes to stderr, and stdout gets one JSON object with every run (what
// export.mjs reads).
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { acceptedFlags, runExport } from "./export-run.mjs";
import { logsInRange } from "./logs-in-range.mjs";
import { lastJson, measure } from "./measure.mjs";
import { startMockProcess } from "./mock-process.mjs";
import { summarize } from "./stats.mjs";

const { values } = parseArgs({
  options: {
    logs: { type: "string", default: "200000" },
    "memory-logs": { type: "string", default: "1000000" },
    "latency-rounds": { type: "string", default: "3" },
    "local-rounds": { type: "string", default: "5" },
    json: { type: "boolean", default: false },
  },
});
const print = values.json ? console.error : console.log;
const logs = Number(values.logs);
const memoryLogs = Number(values["memory-logs"]);
const latencyRounds = Number(values["latency-rounds"]);
const localRounds = Number(values["local-rounds"]);
const delayMs = 20;
// The seeded logs end just before 2026-01-01, ~30 s apart: 200 000 span ~70 days, 1 000 000
// about a year. Ranges as a user gives them, wider than the data.
const range = { since: "2025-09-01", until: "2026-01-01" };
const memoryRange = { since: "1990-01-01", until: "2026-01-01" };
const walkScript = new URL("./paginate-walk.mjs", import.meta.url).pathname;

const loadAtStart = loadavg()[0] ?? Number.NaN;
const flags = acceptedFlags([["--concurrency", "1"], ["--quiet"]]);
const quiet = flags.has("--quiet") ? ["--quiet"] : [];
const common = ["--page-size", "1000", ...quiet];
const concurrency = (/** @type {number} */ n) =>
  flags.has("--concurrency") ? ["--concurrency", String(n)] : [];
const dir = mkdtempSync(join(tmpdir(), "bench-export-"));

/** @param {number[]} seconds @param {number} items */
const perSecond = (seconds, items) => seconds.map((s) => items / s);
const median = (/** @type {number[]} */ samples) => summarize(samples).median;

/** @typedef {{ own: number[]; mock: number[] }} Cpu CPU seconds a run: the measured process's, the mock's */

/**
 * Runs `sides` in turns for `rounds` rounds, who goes first alternating, and returns each side's
 * wall times and CPU times (its own and the mock's over the run), in round order.
 * @param {number} rounds @param {import("./mock-process.mjs").MockProcess} mock
 * @param {Record<string, () => { seconds: number; cpuSeconds: number }>} sides
 */
function alternate(rounds, mock, sides) {
  const names = Object.keys(sides);
  /** @type {Record<string, number[]>} */
  const seconds = Object.fromEntries(names.map((name) => [name, []]));
  /** @type {Record<string, Cpu>} */
  const cpu = Object.fromEntries(names.map((name) => [name, { own: [], mock: [] }]));
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 ? [...names].reverse() : names;
    for (const name of order) {
      const before = mock.cpuSeconds();
      const run = /** @type {() => { seconds: number; cpuSeconds: number }} */ (sides[name])();
      seconds[name]?.push(run.seconds);
      cpu[name]?.own.push(run.cpuSeconds);
      cpu[name]?.mock.push(mock.cpuSeconds() - before);
    }
  }
  return { seconds, cpu };
}

const report = {
  node: process.version,
  /** @type {string[]} the flags the CLI does not accept yet, of those the runs use */
  missing: ["--concurrency", "--quiet"].filter((flag) => !flags.has(flag)),
  loadAverage: { start: loadAtStart, end: Number.NaN },
  /** @type {{ logs: number; delayMs: number; since: string; until: string; concurrency1: number[]; concurrency4: number[]; cpu: Record<string, Cpu> }} */
  latency: { logs, delayMs, ...range, concurrency1: [], concurrency4: [], cpu: {} },
  /** @type {{ logs: number; since: string; until: string; export: number[]; walk: number[]; cpu: Record<string, Cpu> }} */
  local: { logs, ...range, export: [], walk: [], cpu: {} },
  /** @type {{ logs: number; since: string; until: string; runs: Array<{ concurrency: number; flags: string[]; seconds: number; maxRssMiB: number }>; walk: { seconds: number; maxRssMiB: number } }} */
  memory: {
    logs: memoryLogs,
    ...memoryRange,
    runs: [],
    walk: { seconds: Number.NaN, maxRssMiB: Number.NaN },
  },
};
print(`node ${process.version}; load average ${loadAtStart.toFixed(2)}`);
if (report.missing.length) print(`(\`logs export\` refuses ${report.missing.join(", ")}: left out)`);

/**
 * Runs `measure` against a mock server process started with `options`, and stops it after.
 * @template T @param {Parameters<typeof startMockProcess>[0]} options
 * @param {(mock: import("./mock-process.mjs").MockProcess) => Promise<T>} measure @returns {Promise<T>}
 */
async function withMock(options, measure) {
  const mock = await startMockProcess(options);
  try {
    return await measure(mock);
  } finally {
    await mock.stop();
  }
}

/**
 * One bare `paginate` walk (paginate-walk.mjs) in a process of its own; throws unless it saw
 * `expected` logs.
 * @param {{ baseUrl: string; since: string; until: string; expected: number }} options
 */
function walk({ baseUrl, since, until, expected }) {
  const args = [walkScript, "--base-url", baseUrl, "--since", since, "--until", until, "--page-size", "1000"];
  const { seconds, stdout, processes } = measure(process.execPath, args, { cwd: dir, memory: true });
  const { items } = lastJson(stdout);
  if (items !== expected) throw new Error(`bench: the paginate walk saw ${items} logs, not ${expected}.`);
  const [run] = processes;
  if (!run) throw new Error("bench: the paginate walk left no record of its memory and CPU.");
  return { seconds, maxRssMiB: run.maxRssKiB / 1024, cpuSeconds: run.cpuSeconds };
}

try {
  await withMock({ logs, faults: [{ fault: { type: "delay", ms: delayMs } }] }, async (mock) => {
    const { baseUrl } = mock;
    const expected = await logsInRange({ baseUrl, logs, ...range });
    /** @param {number} n */
    const side = (n) => () =>
      runExport({ baseUrl, ...range, expected, dir, name: `c${n}`, flags: [...common, ...concurrency(n)] });
    const { seconds: samples, cpu } = alternate(latencyRounds, mock, {
      concurrency1: side(1),
      ...(flags.has("--concurrency") ? { concurrency4: side(4) } : {}),
    });
    report.latency.concurrency1 = samples.concurrency1 ?? [];
    report.latency.concurrency4 = samples.concurrency4 ?? [];
    report.latency.cpu = cpu;
    const c1 = median(report.latency.concurrency1);
    const c4 = median(report.latency.concurrency4);
    print(
      `latency +${delayMs} ms, ${logs} logs: --concurrency 1 ${c1.toFixed(2)} s, --concurrency 4 ${
        report.latency.concurrency4.length ? `${c4.toFixed(2)} s (${(c1 / c4).toFixed(2)}×)` : "not measured"
      }`,
    );
  });
  await withMock({ logs }, async (mock) => {
    const { baseUrl } = mock;
    const expected = await logsInRange({ baseUrl, logs, ...range });
    const exportOnce = () =>
      runExport({ baseUrl, ...range, expected, dir, name: "local", flags: [...common, ...concurrency(1)] });
    const walkOnce = () => walk({ baseUrl, ...range, expected });
    // Untimed, once each: the first start of a process reads its modules from disk.
    exportOnce();
    walkOnce();
    const { seconds: samples, cpu } = alternate(localRounds, mock, { export: exportOnce, walk: walkOnce });
    report.local.export = samples.export ?? [];
    report.local.walk = samples.walk ?? [];
    report.local.cpu = cpu;
    const exported = median(perSecond(report.local.export, logs));
    const walked = median(perSecond(report.local.walk, logs));
    print(
      `local, ${logs} logs: export ${exported.toFixed(0)} logs/s, paginate walk ${walked.toFixed(0)} logs/s (${(exported / walked).toFixed(3)}×)`,
    );
  });
  await withMock({ logs: memoryLogs }, async ({ baseUrl }) => {
    const expected = await logsInRange({ baseUrl, logs: memoryLogs, ...memoryRange });
    for (const n of flags.has("--concurrency") ? [1, 4] : [1]) {
      const runFlags = [...common, ...concurrency(n)];
      const run = runExport({
        baseUrl,
        ...memoryRange,
        expected,
        dir,
        name: "memory",
        flags: runFlags,
      });
      const { seconds, maxRssMiB } = run;
      report.memory.runs.push({ concurrency: n, flags: runFlags, seconds, maxRssMiB });
      print(
        `${memoryLogs} logs, --concurrency ${n}: ${run.seconds.toFixed(1)} s, peak RSS ${maxRssMiB.toFixed(1)} MiB`,
      );
    }
    // The control: what the walk the export is built on peaks at by itself.
    const control = walk({ baseUrl, ...memoryRange, expected });
    report.memory.walk = { seconds: control.seconds, maxRssMiB: control.maxRssMiB };
    print(
      `${memoryLogs} logs, bare paginate walk: ${control.seconds.toFixed(1)} s, peak RSS ${control.maxRssMiB.toFixed(1)} MiB`,
    );
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
report.loadAverage.end = loadavg()[0] ?? Number.NaN;
if (values.json) console.log(JSON.stringify(report));
