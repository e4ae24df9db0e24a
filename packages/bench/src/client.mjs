// @ts-check
// Client figures, from its own benches in the bench's copy: the per-request overhead over a
// socket (packages/client/bench/overhead.bench.mjs) and the CPU cost per request in process
// (packages/client/bench/cpu.bench.mjs).
import { packageBench, pick } from "./package-bench.mjs";
import { perRound, summarize } from "./stats.mjs";

/** @typedef {import("./report.mjs").Figure} Figure */

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
    const report = packageBench(copy, [
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
  const report = packageBench(copy, [
    "packages/client/bench/cpu.bench.mjs",
    "--json",
    "--rounds",
    String(rounds),
  ]);
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
