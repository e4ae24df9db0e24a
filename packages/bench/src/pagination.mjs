// @ts-check
// Pagination figures, from its own benches in the bench's copy: throughput, prefetch and memory
// (packages/pagination/bench/run.mjs), and the CPU time of a walk (packages/pagination/bench/cpu.mjs).
import { packageBench, pick } from "./package-bench.mjs";
import { perRound, summarize } from "./stats.mjs";

/** @typedef {import("./report.mjs").Figure} Figure */
/** @typedef {{ ms: number; items: number; pages: number; maxRssMiB: number; peakHeapMiB: number; retainedHeapMiB: number }} Walk */
/** @typedef {{ workMs: number; io: Record<string, Walk[]>; cpu: Record<string, Walk[]> }} Prefetch */
/** @typedef {"maxRssMiB" | "peakHeapMiB" | "retainedHeapMiB"} MemoryKey */

/**
 * `for await` over `paginate` against the raw loop, as CPU time in process (the mock's fetch
 * handler, no sockets): steadier than items/s over a socket on a shared machine.
 * @param {string} copy @param {{ rounds: number }} options @returns {Figure[]}
 */
export function paginationCpuFigures(copy, { rounds }) {
  /** @type {{ logs: number; cpuMs: Record<string, number[]> }} */
  const report = packageBench(copy, [
    "packages/pagination/bench/cpu.mjs",
    "--json",
    "--rounds",
    String(rounds),
  ]);
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
  const report = packageBench(copy, [
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
