// @ts-check
// Benchmarks of @signalwire-voice/pagination, side by side in one run against the same mock
// servers (started here, in this process; every walk runs in a child process of its own —
// bench/walker.mjs — so the server's memory and CPU are never on the walker's account):
//
//   1. throughput: items/s of `for await (const log of paginate(…))` and of `pages()` against a
//      hand-written raw `fetch` loop, walking 100 000 logs with page_size 1000 (aim: >= 0.95×);
//   2. prefetch: wall time with `prefetch: 1` against none, when handling a page takes about as
//      long as fetching one (I/O-like work, and CPU work), on the local server (CPU-bound: its
//      pages cost CPU on the same 2 cores) and with 20 ms of latency added to every answer, as
//      over a network (aim: <= 0.6×);
//   3. memory: peak RSS and heap of the walker over 1 000 000 logs against 100 000 (aim: flat).
//
// Sides take turns within each round, so a busy machine slows all of them alike. Medians, with
// min–max over the rounds. A benchmark, not a test: the numbers depend on the machine. Run it
// after `pnpm build`:
//
//   pnpm --filter @signalwire-voice/pagination bench
//   node bench/run.mjs [--rounds 7] [--throughput-rounds 7] [--memory-rounds 3] [--only throughput,prefetch,memory] [--json]
//
// --json: the tables go to stderr, and stdout gets one JSON object with every walk of every round
// (what scripts/bench.mjs reads).
import { execFile } from "node:child_process";
import { cpus } from "node:os";
import { parseArgs } from "node:util";

/** @type {typeof import("@signalwire-voice/mock-server")} */
const { startMockServer } = await import("@signalwire-voice/mock-server");

const { values } = parseArgs({
  options: {
    rounds: { type: "string", default: "7" },
    "memory-rounds": { type: "string", default: "3" },
    "throughput-rounds": { type: "string", default: "" },
    only: { type: "string", default: "throughput,prefetch,memory" },
    json: { type: "boolean", default: false },
  },
});
const rounds = Number(values.rounds);
const memoryRounds = Number(values["memory-rounds"]);
// Throughput walks take about a second each and their ratios are the noisiest: more rounds.
const throughputRounds = Number(values["throughput-rounds"] || rounds);
const only = new Set(String(values.only).split(","));
const print = values.json ? console.error : console.log;
/**
 * Every walk, by section and side: the --json output.
 * @type {{ node: string, rounds: number, memoryRounds: number, [section: string]: unknown, prefetch?: Record<string, unknown> }}
 */
const report = { node: process.version, rounds, memoryRounds };

/** @typedef {{ ms: number, items: number, pages: number, maxRssMiB: number, peakHeapMiB: number, retainedHeapMiB: number }} Walk */

/**
 * Runs one walk in a child process. A walker that cannot start because a build is rewriting
 * dist/ meanwhile (ERR_MODULE_NOT_FOUND, before anything is timed) is started again.
 * @param {string[]} args @returns {Promise<Walk>}
 */
async function walk(args, tries = 5) {
  const walker = new URL("./walker.mjs", import.meta.url).pathname;
  for (let attempt = 1; ; attempt++) {
    /** @type {{ stdout?: string, error?: Error, stderr?: string }} */
    const result = await new Promise((resolve) => {
      execFile(process.execPath, ["--expose-gc", walker, ...args], (error, stdout, stderr) =>
        resolve(error ? { error, stderr } : { stdout }),
      );
    });
    if (result.stdout !== undefined) return JSON.parse(result.stdout);
    if (attempt === tries || !result.stderr?.includes("ERR_MODULE_NOT_FOUND")) {
      throw new Error(`${result.error?.message}\n${result.stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

/** @param {number[]} values */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
/** "median (min–max)" @param {number[]} values @param {number} digits */
const spread = (values, digits = 0) =>
  `${median(values).toFixed(digits)} (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})`;

/**
 * Runs each side once per round, rotating who goes first. @param {Record<string, string[]>} sides
 * @param {number} count @returns {Promise<Record<string, Walk[]>>}
 */
async function rounds_(sides, count) {
  const names = Object.keys(sides);
  /** @type {Record<string, Walk[]>} */
  const results = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < count; round++) {
    for (let turn = 0; turn < names.length; turn++) {
      const name = /** @type {string} */ (names[(round + turn) % names.length]);
      results[name]?.push(await walk(/** @type {string[]} */ (sides[name])));
    }
  }
  return results;
}

const small = await startMockServer({ logs: 100_000, recordRequests: false });
const large = await startMockServer({ logs: 1_000_000, recordRequests: false });
print(`node ${process.version}, ${cpus().length} cores; ${rounds} rounds; medians (min–max)\n`);

let pageMs = 10;
if (only.has("throughput") || only.has("prefetch")) {
  const base = ["--base-url", small.baseUrl];
  // One untimed walk of each, to warm the server's code paths.
  await walk([...base, "--mode", "raw"]);
  await walk([...base, "--mode", "paginate"]);
  const results = await rounds_(
    {
      "raw fetch loop": [...base, "--mode", "raw"],
      "paginate, for await of items": [...base, "--mode", "paginate-items"],
      "paginate, pages()": [...base, "--mode", "paginate"],
      "voice client GET loop by hand": [...base, "--mode", "client-loop"],
      "paginate over bare openapi-fetch": [...base, "--mode", "paginate-bare"],
    },
    throughputRounds,
  );
  const raw = /** @type {Walk[]} */ (results["raw fetch loop"]);
  const perSecond = (/** @type {Walk} */ run) => run.items / (run.ms / 1000);
  pageMs = median(raw.map((run) => run.ms / run.pages));
  report.throughput = { pageMs, sides: results };
  if (only.has("throughput")) {
    print("1. Throughput: 100 000 logs, page_size 1000 (100 requests)");
    print("side                            | items/s                   | × raw (median of rounds)");
    for (const [name, runs] of Object.entries(results)) {
      const ratios = runs.map((run, i) => perSecond(run) / perSecond(/** @type {Walk} */ (raw[i])));
      print(`${name.padEnd(31)} | ${spread(runs.map(perSecond)).padEnd(25)} | ${spread(ratios, 3)}`);
    }
    print(
      `(fetch + parse of one page: ${pageMs.toFixed(1)} ms. The last two rows split the cost: the voice\n` +
        " client's own (its GET in a hand-written loop), and pagination's over the thinnest client.)\n",
    );
  }
}

if (only.has("prefetch")) {
  /**
   * Prefetch 0 and 1 side by side on one server, for I/O-like and CPU work of `workMs` a page.
   * @param {string} baseUrl @param {number} workMs @param {string} label
   */
  const prefetchRows = async (baseUrl, workMs, label) => {
    const base = ["--base-url", baseUrl, "--mode", "paginate", "--work-ms", String(workMs)];
    /** @type {Record<string, Record<string, Walk[]>>} */
    const byWork = {};
    for (const work of ["io", "cpu"]) {
      const results = await rounds_(
        {
          none: [...base, "--work", work, "--prefetch", "0"],
          one: [...base, "--work", work, "--prefetch", "1"],
        },
        rounds,
      );
      byWork[work] = results;
      const none = /** @type {Walk[]} */ (results.none);
      const one = /** @type {Walk[]} */ (results.one);
      const ratios = one.map((run, i) => run.ms / /** @type {Walk} */ (none[i]).ms);
      print(
        `${label.padEnd(22)} | ${work.padEnd(4)} | ${String(workMs).padStart(7)} | ${spread(none.map((run) => run.ms)).padEnd(21)} | ${spread(one.map((run) => run.ms)).padEnd(21)} | ${spread(ratios, 3)}`,
      );
    }
    return byWork;
  };
  print("2. Prefetch: 100 pages of 1000, handling each page takes about as long as fetching one");
  print(
    "server                 | work | work ms | prefetch 0 ms         | prefetch 1 ms         | prefetch 1 / 0 (median of rounds)",
  );
  const workMs = Math.round(pageMs);
  report.prefetch = { workMs, ...(await prefetchRows(small.baseUrl, workMs, "local (CPU-bound)")) };
  // The same with every answer 20 ms late, as over a network: a real API's regime, where a page's
  // time is mostly waiting, which prefetch can overlap with the caller's work whatever it is.
  const latencyMs = 20;
  const latent = await startMockServer({
    logs: 100_000,
    recordRequests: false,
    faults: [{ fault: { type: "delay", ms: latencyMs } }],
  });
  const plain = [];
  for (let run = 0; run < 3; run++)
    plain.push(await walk(["--base-url", latent.baseUrl, "--mode", "paginate"]));
  const latentWorkMs = Math.round(median(plain.map((run) => run.ms / run.pages)));
  report.prefetch.latency = {
    latencyMs,
    workMs: latentWorkMs,
    ...(await prefetchRows(latent.baseUrl, latentWorkMs, `+${latencyMs} ms latency`)),
  };
  await latent.close();
  print("(io: an awaited timer, like a database write; cpu: a busy loop on the walker's thread)\n");
}

if (only.has("memory")) {
  print("3. Memory of the walker (its own process): 100 000 vs 1 000 000 logs, page_size 1000");
  print(
    "walk                            | peak RSS MiB        | peak heap MiB      | heap after GC MiB (max)",
  );
  /** @type {Record<string, Walk[]>} */
  const memoryReport = {};
  report.memory = memoryReport;
  // The raw loop is the control: what a walk costs with no client and no pagination at all.
  for (const mode of ["paginate:0", "paginate:1", "raw:0"]) {
    const [name, prefetch = "0"] = mode.split(":");
    const label = name === "raw" ? "raw fetch loop" : `prefetch ${prefetch}`;
    const results = await rounds_(
      {
        [`100 000 logs, ${label}`]: [
          "--base-url",
          small.baseUrl,
          "--mode",
          String(name),
          "--prefetch",
          prefetch,
        ],
        [`1 000 000 logs, ${label}`]: [
          "--base-url",
          large.baseUrl,
          "--mode",
          String(name),
          "--prefetch",
          prefetch,
        ],
      },
      memoryRounds,
    );
    Object.assign(memoryReport, results);
    for (const [name, runs] of Object.entries(results)) {
      print(
        `${name.padEnd(31)} | ${spread(
          runs.map((run) => run.maxRssMiB),
          1,
        ).padEnd(18)} | ${spread(
          runs.map((run) => run.peakHeapMiB),
          1,
        ).padEnd(18)} | ${spread(
          runs.map((run) => run.retainedHeapMiB),
          1,
        )}`,
      );
    }
  }
  print("(heap after GC: a full collection every 50 pages; flat in N means nothing is kept per page)");
}

await small.close();
await large.close();
if (values.json) console.log(JSON.stringify(report));
