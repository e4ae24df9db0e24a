// @ts-check
// Scale figures: the pipeline's own steps on the combined SignalWire REST spec (~1.9 MB, 151
// paths; the `rest` entry of the pipeline's apis.json), each round side by side with the same step on the
// voice spec, in the bench's copy of the repo: wall time and peak RSS of each. Then spec-diff
// between two REST revisions, next to plain `redocly diff`: packages/spec-diff/bench/rest-timing.mjs
// on its default pair, both in the repo (an older revision it keeps, and the `rest` upstream).
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { lastJson, measure, peakRssMiB } from "./measure.mjs";
import { perRound, summarize } from "./stats.mjs";

/**
 * One API's files in the workspace at `root`, as the pipeline's apis.json lists them.
 * @param {string} root @param {string} api
 */
function apiFiles(root, api) {
  /** @type {{ root: string; apis: Record<string, { upstream: string; types: string }> }} */
  const config = JSON.parse(readFileSync(join(root, "packages/pipeline/apis.json"), "utf8"));
  const entry = config.apis[api];
  if (!entry) throw new Error(`bench: no API "${api}" in the pipeline's apis.json.`);
  const base = resolve(root, "packages/pipeline", config.root);
  return { upstream: resolve(base, entry.upstream), types: resolve(base, entry.types) };
}

/** The section's title, with the size of each API's upstream document. @param {string} copy */
function sectionOf(copy) {
  const size = (/** @type {string} */ api) => {
    const bytes = statSync(apiFiles(copy, api).upstream).size;
    return bytes > 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1e3).toFixed(0)} kB`;
  };
  return `Scale: the combined SignalWire REST spec (${size("rest")}) next to the voice spec (${size("voice")})`;
}

/**
 * The commands of each step for one API, run from the copy's root.
 * @param {string} copy @param {string} api
 * @returns {Record<string, string[]>}
 */
function steps(copy, api) {
  const pipelineCli = join(copy, "packages/pipeline/src/cli.mjs");
  const entry = apiFiles(copy, api);
  // Typecheck the generated file alone, with the repo's strict base config.
  const tsconfig = join(copy, ".bench", `tsconfig.${api}.json`);
  mkdirSync(join(copy, ".bench"), { recursive: true });
  const types = relative(join(copy, ".bench"), entry.types);
  writeFileSync(tsconfig, JSON.stringify({ extends: "../tsconfig.base.json", files: [types] }));
  return {
    "lint (`<api>@upstream` rules)": [pipelineCli, "lint", "--api", api],
    "bundle with the overlay, strict lint (`<api>@sdk`)": [pipelineCli, "bundle", "--api", api],
    "generate the types (openapi-typescript)": [pipelineCli, "generate", "--api", api],
    "typecheck the generated types (tsc, strict)": ["node_modules/typescript/bin/tsc", "-p", tsconfig],
  };
}

/**
 * @param {string} copy the bench's copy of the repo, installed and built
 * @param {{ rounds: number; log: (line: string) => void }} options
 * @returns {import("./report.mjs").Figure[]}
 */
export function scaleFigures(copy, { rounds, log }) {
  const section = sectionOf(copy);
  const commands = { rest: steps(copy, "rest"), voice: steps(copy, "voice") };
  const names = Object.keys(commands.rest);
  /** @returns {Record<string, { seconds: number[]; mib: number[] }>} */
  const empty = () => Object.fromEntries(names.map((name) => [name, { seconds: [], mib: [] }]));
  const results = { rest: empty(), voice: empty() };
  for (let round = 0; round < rounds; round++) {
    for (const name of names) {
      for (const api of /** @type {Array<"rest" | "voice">} */ (
        round % 2 ? ["voice", "rest"] : ["rest", "voice"]
      )) {
        const run = measure(process.execPath, commands[api][name] ?? [], { cwd: copy, memory: true });
        results[api][name]?.seconds.push(run.seconds);
        results[api][name]?.mib.push(peakRssMiB(run.processes));
      }
    }
    log(`scale, round ${round + 1}/${rounds} done`);
  }
  /** @type {import("./report.mjs").Figure[]} */
  const figures = [];
  for (const [index, name] of names.entries()) {
    const rest = results.rest[name] ?? { seconds: [], mib: [] };
    const voice = results.voice[name] ?? { seconds: [], mib: [] };
    const base = { section, unit: "s" };
    figures.push(
      {
        ...base,
        id: `scale.rest.${["lint", "bundle", "generate", "typecheck"][index]}.time`,
        label: `${name}: time`,
        samples: rest.seconds,
        ratio: { label: "REST vs voice", samples: perRound(rest.seconds, voice.seconds) },
        note: `voice: ${summarize(voice.seconds).median.toFixed(2)} s, ${summarize(voice.mib).median.toFixed(1)} MiB peak RSS`,
      },
      {
        ...base,
        id: `scale.rest.${["lint", "bundle", "generate", "typecheck"][index]}.memory`,
        label: `${name}: peak RSS`,
        unit: "MiB",
        samples: rest.mib,
        ratio: { label: "REST vs voice", samples: perRound(rest.mib, voice.mib) },
      },
    );
  }
  return [...figures, ...specDiffFigures(copy, rounds, section)];
}

/** @param {string} copy @param {number} rounds @param {string} section @returns {import("./report.mjs").Figure[]} */
function specDiffFigures(copy, rounds, section) {
  const base = {
    section,
    id: "scale.spec-diff",
    label: "spec-diff between the two REST revisions",
    unit: "s",
  };
  const run = measure(
    process.execPath,
    ["packages/spec-diff/bench/rest-timing.mjs", "--runs", String(rounds), "--json"],
    { cwd: copy, memory: true, live: true },
  );
  /** @type {{ revisions: string; runs: Record<"spec-diff" | "redocly diff", Array<{ seconds: number; bump: string; changes: number }>> }} */
  const report = lastJson(run.stdout);
  const ours = report.runs["spec-diff"];
  const plain = report.runs["redocly diff"];
  const plainMedian = summarize(plain.map((entry) => entry.seconds)).median;
  // spec-diff runs `redocly diff` on normalized copies of both sides, as a child: a run's peak is
  // the larger of the two processes. A plain run is a `redocly diff` that spec-diff did not start.
  const cli = run.processes.filter((entry) => String(entry.argv[0]).endsWith("spec-diff/dist/cli.mjs"));
  const cliPids = new Set(cli.map((entry) => entry.pid));
  const treeKiB = (/** @type {number} */ pid) =>
    Math.max(...run.processes.filter((p) => p.pid === pid || p.ppid === pid).map((p) => p.maxRssKiB));
  const oursMib = cli.map((entry) => treeKiB(entry.pid) / 1024);
  const plainMib = run.processes
    .filter(
      (p) => String(p.argv[0]).includes("@redocly/cli") && p.argv.includes("diff") && !cliPids.has(p.ppid),
    )
    .map((p) => p.maxRssKiB / 1024);
  return [
    {
      ...base,
      id: "scale.spec-diff.time",
      label: `${base.label}: time (${report.revisions})`,
      samples: ours.map((entry) => entry.seconds),
      ratio: {
        label: "spec-diff vs redocly diff",
        samples: ours.map((entry) => entry.seconds / plainMedian),
      },
      note: `${ours[0]?.changes} changes, bump ${ours[0]?.bump}; plain \`redocly diff\`: ${plainMedian.toFixed(2)} s, ${plain[0]?.changes} changes (spec-diff adds the TypeScript-breaking checks redocly misses)`,
    },
    {
      ...base,
      id: "scale.spec-diff.memory",
      label: `${base.label}: peak RSS`,
      note: "the larger of spec-diff's process and the `redocly diff` it runs as a child on normalized copies",
      unit: "MiB",
      samples: oursMib,
      ratio: {
        label: "spec-diff vs redocly diff",
        samples: oursMib.map((value) => value / summarize(plainMib).median),
      },
    },
  ];
}
