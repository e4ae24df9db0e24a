// @ts-check
// Export figures: `signalwire-voice logs export` to a file against the mock server in a process
// of its own, from this package's export.bench.mjs in the bench's copy: `--concurrency 4`
// against 1 with latency, `--concurrency 1` against a bare `paginate` walk without, and the
// export's peak RSS over a million logs.
import { packageBench } from "./package-bench.mjs";
import { perRound, summarize } from "./stats.mjs";

/** @typedef {import("./report.mjs").Figure} Figure */
/** @typedef {{ own: number[]; mock: number[] }} Cpu CPU seconds of each run: the measured process's, the mock's meanwhile */
/**
 * What export.bench.mjs prints with --json.
 * @typedef {object} ExportReport
 * @property {{ start: number; end: number }} loadAverage 1-minute, at the start and end of the bench
 * @property {string[]} missing the flags the runs would use that `logs export` refuses
 * @property {{ logs: number; delayMs: number; concurrency1: number[]; concurrency4: number[]; cpu: Record<string, Cpu> }} latency
 * @property {{ logs: number; export: number[]; walk: number[]; cpu: Record<string, Cpu> }} local
 * @property {{ logs: number; runs: Array<{ concurrency: number; flags: string[]; seconds: number; maxRssMiB: number }>; walk: { seconds: number; maxRssMiB: number } }} memory
 */

/** The aims, each one goal row. */
const aims = { speedup: 3, throughput: 0.9, rssBytes: 150e6 };
const rssMiB = aims.rssBytes / 2 ** 20;

/**
 * @example exportFigures(copy, { latencyRounds: 3, localRounds: 5 }) // [{ id: "export.latency.concurrency-1", … }, …]
 * @param {string} copy @param {{ latencyRounds: number; localRounds: number }} rounds
 * @returns {Figure[]}
 */
export function exportFigures(copy, { latencyRounds, localRounds }) {
  /** @type {ExportReport} */
  const report = packageBench(copy, [
    "packages/bench/src/export.bench.mjs",
    ...["--json", "--latency-rounds", String(latencyRounds), "--local-rounds", String(localRounds)],
  ]);
  return exportFiguresOf(report);
}

/**
 * The rows of the export's table, from what export.bench.mjs measured. The concurrent rows of a
 * CLI that does not accept `--concurrency` yet are skipped, saying so.
 *
 * @example exportFiguresOf(report).map((figure) => figure.goal?.met) // [undefined, true, undefined, true, true, …]
 * @param {ExportReport} report
 * @returns {Figure[]}
 */
export function exportFiguresOf({ loadAverage, missing, latency, local, memory }) {
  const section =
    "Export: `signalwire-voice logs export --out FILE`, page size 1000, the mock server in a process of its own";
  const count = (/** @type {number} */ n) => n.toLocaleString("en-US");
  const rounds = (/** @type {number[]} */ samples) =>
    samples.length === 1 ? "1 round" : `${samples.length} rounds`;
  const flagMissing = missing.includes("--concurrency");
  const c1 = flagMissing ? "no `--concurrency` (the CLI refuses it yet: its default)" : "`--concurrency 1`";
  const speedup = flagMissing ? [] : perRound(latency.concurrency1, latency.concurrency4);
  const perSecond = (/** @type {number[]} */ seconds) => seconds.map((s) => local.logs / s);
  /** "own + mock s", medians of the side's runs. @param {Record<string, Cpu>} cpu @param {string} side */
  const cpuOf = (cpu, side) => {
    const runs = cpu[side];
    const seconds = (/** @type {number[]} */ samples) => summarize(samples).median.toFixed(2);
    return runs ? `${seconds(runs.own)} + ${seconds(runs.mock)} s` : "–";
  };
  const exported = perSecond(local.export);
  const walked = perSecond(local.walk);
  /** @type {Figure[]} */
  const figures = [
    {
      id: "export.latency.concurrency-1",
      section,
      label: `${c1}, +${latency.delayMs} ms latency on every answer: ${count(latency.logs)} logs (${rounds(latency.concurrency1)})`,
      unit: "s",
      samples: latency.concurrency1,
      note: `load average (1 min) over the export bench: ${loadAverage.start.toFixed(2)} → ${loadAverage.end.toFixed(2)}; every run's line count checked against the logs the mock has in the range`,
    },
    {
      id: "export.latency.concurrency-4",
      section,
      label: `\`--concurrency 4\`, +${latency.delayMs} ms latency on every answer: ${count(latency.logs)} logs${flagMissing ? "" : ` (${rounds(latency.concurrency4)})`}`,
      unit: "s",
      samples: latency.concurrency4,
      goal: {
        text: `≥ ${aims.speedup}× faster than \`--concurrency 1\` (wall time)`,
        met: !flagMissing && summarize(speedup).median >= aims.speedup,
      },
      ...(flagMissing
        ? { skipped: "not measured: flag missing (`logs export` refuses `--concurrency`)" }
        : {
            ratio: { label: "speed-up: `--concurrency 1` time over this", samples: speedup },
            note: `CPU a run (medians), the export's own + the mock's meanwhile, on the same cores: \`--concurrency 1\` ${cpuOf(latency.cpu, "concurrency1")}, \`--concurrency 4\` ${cpuOf(latency.cpu, "concurrency4")}`,
          }),
    },
    {
      id: "export.local.paginate-walk",
      section,
      label: `the baseline: a bare \`paginate(client, "/logs", { query })\` walk writing nothing, local mock: ${count(local.logs)} logs (${rounds(local.walk)})`,
      unit: "logs/s",
      samples: walked,
      note: "the built client and pagination in a node process of its own, the export's query and page size; process start to exit, as the export",
    },
    {
      id: "export.local.concurrency-1",
      section,
      label: `${c1}, local mock (no latency): ${count(local.logs)} logs (${rounds(local.export)})`,
      unit: "logs/s",
      samples: exported,
      ratio: { label: "vs the bare `paginate` walk", samples: perRound(exported, walked) },
      goal: {
        text: `≥ ${aims.throughput}× the bare \`paginate\` walk`,
        met: summarize(perRound(exported, walked)).median >= aims.throughput,
      },
      note: `CPU a run (medians), its own + the mock's meanwhile: the export ${cpuOf(local.cpu, "export")}, the walk ${cpuOf(local.cpu, "walk")}`,
    },
  ];
  for (const run of memory.runs) {
    const flags = flagMissing ? c1 : `\`--concurrency ${run.concurrency}\``;
    const id = `export.memory.concurrency-${run.concurrency}`;
    figures.push(
      {
        id: `${id}.peak-rss`,
        section,
        label: `peak RSS of the export, ${count(memory.logs)} logs, ${flags}, local mock (1 run)`,
        unit: "MiB",
        samples: [run.maxRssMiB],
        goal: { text: `≤ 150 MB (${rssMiB.toFixed(1)} MiB)`, met: run.maxRssMiB <= rssMiB },
        ...(run === memory.runs[0]
          ? {
              note: `the control, a bare \`paginate\` walk over the same logs writing nothing, peaks at ${memory.walk.maxRssMiB.toFixed(1)} MiB (${memory.walk.seconds.toFixed(1)} s)`,
            }
          : {}),
      },
      {
        id: `${id}.time`,
        section,
        label: `that run's wall time: ${count(memory.logs)} logs, ${flags}`,
        unit: "s",
        samples: [run.seconds],
        note: `${count(Math.round(memory.logs / run.seconds))} logs/s, peak RSS measured as getrusage's ru_maxrss of the export process at its exit`,
      },
    );
  }
  return figures;
}
