// @ts-check
// Runtime figures, from the packages' own benches run with `--json` in the bench's copy (built):
// the client's per-request overhead (packages/client/bench/overhead.bench.mjs), pagination's
// throughput, prefetch and memory (packages/pagination/bench/run.mjs), and the mock server's
// memory over a long walk (packages/mock-server/bench/memory.mjs).
import { lastJson, measure } from "./measure.mjs";
import { perRound, summarize } from "./stats.mjs";

/** @typedef {import("./report.mjs").Figure} Figure */
/** @typedef {{ ms: number; items: number; pages: number; maxRssMiB: number; peakHeapMiB: number; retainedHeapMiB: number }} Walk */
/** @typedef {{ workMs: number; io: Record<string, Walk[]>; cpu: Record<string, Walk[]> }} Prefetch */
/** @typedef {"maxRssMiB" | "peakHeapMiB" | "retainedHeapMiB"} MemoryKey */

/** A bench's JSON, its tables streamed to the terminal as it goes. @param {string} copy @param {string[]} args */
const bench = (copy, args) => lastJson(measure(process.execPath, args, { cwd: copy, live: true }).stdout);

/**
 * @template T @param {Record<string, T>} record @param {string} key @param {string} where
 * @returns {T}
 */
function pick(record, key, where) {
  const value = record[key];
  if (value === undefined)
    throw new Error(`bench: ${where} has no "${key}" (has: ${Object.keys(record).join(", ")}).`);
  return value;
}

/** @param {string} copy @param {{ rounds: number }} options @returns {Figure[]} */
export function clientFigures(copy, { rounds }) {
  const section = "Client: per-request overhead on the same mock server, same headers, same page";
  // 1000-log pages take ~10 ms each: fewer requests a turn, fewer rounds.
  const sizes = [
    { pageSize: 1, batch: 50, rounds },
    { pageSize: 50, batch: 50, rounds },
    { pageSize: 1000, batch: 10, rounds: Math.ceil(rounds / 2) },
  ];
  return sizes.map(({ pageSize, batch, rounds }) => {
    /** @type {{ pageSizes: Array<{ microsecondsPerRequest: Record<string, number[]> }> }} */
    const report = bench(copy, [
      "packages/client/bench/overhead.bench.mjs",
      ...["--json", "--page-size", String(pageSize), "--rounds", String(rounds), "--batch", String(batch)],
    ]);
    const times = report.pageSizes[0]?.microsecondsPerRequest ?? {};
    const raw = pick(times, "raw", "overhead.bench.mjs");
    const client = pick(times, "client", "overhead.bench.mjs");
    const ratio = perRound(client, raw);
    const bare = summarize(perRound(pick(times, "openapi-fetch", "overhead.bench.mjs"), raw)).median;
    return {
      id: `client.overhead.page-size-${pageSize}`,
      section,
      label: `\`createVoiceClient().GET("/logs")\`, page_size ${pageSize} (${batch} requests × ${rounds} rounds)`,
      unit: "µs/req",
      samples: client,
      ratio: { label: "client vs raw `fetch`", samples: ratio },
      goal: { text: "≤ 1.05× raw fetch", met: summarize(ratio).median <= 1.05 },
      note: `raw fetch ${summarize(raw).median.toFixed(0)} µs/req; bare openapi-fetch (no client, same headers) ${bare.toFixed(3)}× raw: the floor the client is built on`,
    };
  });
}

/**
 * The client's own CPU cost per request: over bare openapi-fetch, both calling the mock server's
 * fetch handler in process (no sockets: steadier than wall time over a socket).
 * @param {string} copy @param {{ rounds: number }} options @returns {Figure[]}
 */
export function clientCpuFigures(copy, { rounds }) {
  const section =
    "Client: CPU time per request over bare openapi-fetch, in process (the mock's fetch handler)";
  /** @type {{ batch: number; pageSizes: Array<{ pageSize: number; cpuMicrosecondsPerRequest: Record<string, number[]> }> }} */
  const report = bench(copy, ["packages/client/bench/cpu.bench.mjs", "--json", "--rounds", String(rounds)]);
  return report.pageSizes.map(({ pageSize, cpuMicrosecondsPerRequest: times }) => {
    const bare = pick(times, "openapi-fetch", "cpu.bench.mjs");
    const client = pick(times, "client", "cpu.bench.mjs");
    const over = client.map((value, index) => value - /** @type {number} */ (bare[index]));
    return {
      id: `client.cpu.page-size-${pageSize}`,
      section,
      label: `\`createVoiceClient().GET("/logs")\` minus bare openapi-fetch, page_size ${pageSize} (${rounds} rounds)`,
      unit: "µs/req",
      samples: over,
      ratio: { label: "client vs bare openapi-fetch", samples: perRound(client, bare) },
      goal: { text: "≤ 30 µs/req of CPU", met: summarize(over).median <= 30 },
      note: `CPU per request: the handler alone ${summarize(pick(times, "raw", "cpu.bench.mjs")).median.toFixed(0)} µs, bare openapi-fetch ${summarize(bare).median.toFixed(0)} µs, the client ${summarize(client).median.toFixed(0)} µs`,
    };
  });
}

/**
 * `for await` over `paginate` against the raw loop, as CPU time in process (the mock's fetch
 * handler, no sockets): steadier than items/s over a socket on a shared machine.
 * @param {string} copy @param {{ rounds: number }} options @returns {Figure[]}
 */
export function paginationCpuFigures(copy, { rounds }) {
  /** @type {{ logs: number; cpuMs: Record<string, number[]> }} */
  const report = bench(copy, ["packages/pagination/bench/cpu.mjs", "--json", "--rounds", String(rounds)]);
  const raw = pick(report.cpuMs, "raw loop over the handler", "cpu.mjs");
  const items = pick(report.cpuMs, "for await over paginate", "cpu.mjs");
  const ratio = perRound(raw, items);
  return [
    {
      id: "pagination.cpu.for-await",
      section: "Pagination: CPU time of a walk in process (the mock's fetch handler, no sockets)",
      label: `\`for await\` over \`paginate\`, ${report.logs.toLocaleString("en-US")} logs in pages of 1000 (${rounds} rounds)`,
      unit: "ms",
      samples: items,
      ratio: { label: "throughput vs the raw loop over the handler", samples: ratio },
      goal: { text: "≥ 0.95× the raw loop", met: summarize(ratio).median >= 0.95 },
      note: `the raw loop (fetch, parse, follow links.next by hand): ${summarize(raw).median.toFixed(0)} ms of CPU a walk; both include the handler building each page`,
    },
  ];
}

/** @param {string} copy @param {{ rounds: number; memoryRounds: number }} options @returns {Figure[]} */
export function paginationFigures(copy, { rounds, memoryRounds }) {
  const section = "Pagination: walking the mock server's logs, page_size 1000, each walk in its own process";
  // (memory: 1 000 000-log walks take ~15 s each, so `pnpm bench` runs one round of them)
  /** @type {{ throughput: { sides: Record<string, Walk[]> }; prefetch: Prefetch & { latency?: Prefetch & { latencyMs: number } }; memory: Record<string, Walk[]> }} */
  const report = bench(copy, [
    "packages/pagination/bench/run.mjs",
    ...["--json", "--rounds", String(rounds), "--memory-rounds", String(memoryRounds)],
    ...["--throughput-rounds", String(Math.max(rounds, 11))],
  ]);
  const sides = report.throughput.sides;
  const perSecond = (/** @type {Walk} */ walk) => walk.items / (walk.ms / 1000);
  const raw = pick(sides, "raw fetch loop", "run.mjs throughput").map(perSecond);
  /** @type {(name: string, label: string, goal: boolean) => Figure} */
  const throughput = (name, label, goal) => {
    const samples = pick(sides, name, "run.mjs throughput").map(perSecond);
    const ratio = perRound(samples, raw);
    return {
      id: `pagination.throughput.${name.replace(/\W+/g, "-")}`,
      section,
      label: `${label}: 100 000 logs`,
      unit: "items/s",
      samples,
      ratio: { label: "vs raw fetch loop", samples: ratio },
      ...(goal ? { goal: { text: "≥ 0.95× raw fetch loop", met: summarize(ratio).median >= 0.95 } } : {}),
    };
  };
  /** @type {(server: Prefetch & { latencyMs?: number }, work: "io" | "cpu", label: string) => Figure} */
  const prefetch = (server, work, label) => {
    const walks = server[work];
    const one = pick(walks, "one", "run.mjs prefetch").map((walk) => walk.ms / 1000);
    const ratio = perRound(
      one,
      pick(walks, "none", "run.mjs prefetch").map((walk) => walk.ms / 1000),
    );
    return {
      id: `pagination.prefetch.${server.latencyMs ? "latency." : ""}${work}`,
      section,
      label: `prefetch 1, ${server.latencyMs ? `+${server.latencyMs} ms latency on every answer, ` : "local server, "}${label} (${server.workMs} ms a page, ≈ fetching one): 100 pages`,
      unit: "s",
      samples: one,
      ratio: { label: "vs no prefetch", samples: ratio },
      goal: { text: "≤ 0.6× no prefetch", met: summarize(ratio).median <= 0.6 },
      ...(work === "cpu" && !server.latencyMs
        ? {
            note: "on the local server a page is CPU (the server's JSON, the walker's parse) on the same 2 cores as the busy loop: little is left to overlap",
          }
        : {}),
    };
  };
  /** Growth from 100 000 to 1 000 000 logs of one walk, per round. @type {(walk: string, key: MemoryKey) => number[]} */
  const growth = (walk, key) =>
    perRound(
      pick(report.memory, `1 000 000 logs, ${walk}`, "run.mjs memory").map((run) => run[key]),
      pick(report.memory, `100 000 logs, ${walk}`, "run.mjs memory").map((run) => run[key]),
    );
  // Flat in N, judged against fetch itself: a raw fetch loop (no client, no paginate) over the
  // same walks is the control, since V8 and undici size themselves to the request rate.
  /** @type {(walk: string, key: MemoryKey, label: string) => Figure} */
  const memory = (walk, key, label) => {
    const ratio = growth(walk, key);
    const control = summarize(growth("raw fetch loop", key)).median;
    return {
      id: `pagination.memory.${walk.replace(/\W+/g, "-")}.${key}`,
      section,
      label: `${label}, 1 000 000 logs (${walk})`,
      unit: "MiB",
      samples: pick(report.memory, `1 000 000 logs, ${walk}`, "run.mjs memory").map((run) => run[key]),
      ratio: { label: "1 000 000 vs 100 000 logs", samples: ratio },
      goal: {
        text: "flat in N: at 10× the logs, ≤ 1.10× the control's growth",
        met: summarize(ratio).median <= 1.1 * control,
      },
      note: `the control, a raw fetch loop (no client, no paginate) over the same walks, grows ${control.toFixed(3)}×`,
    };
  };
  const ratioOf = (/** @type {string} */ name) =>
    summarize(perRound(pick(sides, name, "run.mjs throughput").map(perSecond), raw)).median.toFixed(3);
  const throughputNote = `for comparison, the voice client's \`GET\` in a hand loop: ${ratioOf("voice client GET loop by hand")}× raw; \`paginate\` over a bare openapi-fetch client: ${ratioOf("paginate over bare openapi-fetch")}× raw`;
  const withNote = (/** @type {Figure} */ figure, /** @type {string} */ note) => ({ ...figure, note });
  return [
    throughput("raw fetch loop", "raw `fetch` loop by hand (the baseline)", false),
    withNote(
      throughput(
        "paginate, for await of items",
        '`for await (const log of paginate(client, "/logs"))`',
        true,
      ),
      throughputNote,
    ),
    throughput("paginate, pages()", "`paginate(…).pages()`", true),
    throughput(
      "voice client GET loop by hand",
      "the voice client's `GET` in a loop by hand (no paginate)",
      false,
    ),
    throughput("paginate over bare openapi-fetch", "`paginate` over a bare openapi-fetch client", false),
    ...[report.prefetch, ...(report.prefetch.latency ? [report.prefetch.latency] : [])].flatMap((server) => [
      prefetch(server, "io", "I/O-like work (an awaited timer)"),
      prefetch(server, "cpu", "CPU work (a busy loop, same thread)"),
    ]),
    memory("prefetch 0", "maxRssMiB", "walker peak RSS"),
    memory("prefetch 0", "peakHeapMiB", "walker peak heap"),
    memory("prefetch 0", "retainedHeapMiB", "walker heap after GC (max)"),
    memory("prefetch 1", "maxRssMiB", "walker peak RSS"),
  ];
}

/**
 * The server's own bench, and its control (the first page, as many times): the same growth in
 * both is V8 sizing its heap to the request rate, not memory kept per log. No goal:
 * the mock server is a test tool with no memory budget, so the page shows these for reference.
 * @param {string} copy @returns {Figure[]}
 */
export function serverFigures(copy) {
  const section = "Mock server: its memory while a client pages through 1 000 000 logs (one run each)";
  return ["", "--control"].map((control) => {
    /** @type {{ logs: number; pages: number; end: { peak: number }; samples: Array<{ peak: number }> }} */
    const walk = bench(copy, [
      "packages/mock-server/bench/memory.mjs",
      "--json",
      ...(control ? [control] : []),
    ]);
    const tenth = walk.samples[0]?.peak ?? Number.NaN;
    return {
      id: `mock-server.memory${control ? ".control" : ""}`,
      section,
      label: control
        ? `control: the first page, ${walk.pages} times: server peak RSS at the end`
        : `every log once, ${walk.pages} pages of 1000: server peak RSS after the last`,
      unit: "MiB",
      samples: [walk.end.peak],
      ratio: { label: "end vs after 10% of the pages", samples: [walk.end.peak / tenth] },
    };
  });
}
