// @ts-check
// `pnpm bench` (scripts/bench.mjs runs this script): how fast the pipeline and the packages are,
// and how they scale to the combined SignalWire REST spec, measured side by side in one run;
// writes bench.md (tables: machine, versions, each figure's median and spread, ratio, goal, met
// or not) and bench.json. Everything runs in a temporary copy of the repo (workspace-copy.mjs).
//
//   pnpm bench [--only pipeline,scale,client,contract,pagination,export,server,sizes] [--out docs] [--quick] [--keep]
//
//   --quick  one round of everything, to try the bench
//   --out    where to write bench.md and bench.json, relative to the folder `pnpm bench` ran from:
//            default docs/ for a complete run, else a temp folder
//   --keep   leave the copy of the repo in place for a look
// Every input is in the repo, the two REST revisions spec-diff compares included (see
// packages/spec-diff/bench/rest-timing.mjs): a clone runs it all.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, relative } from "node:path";
import { workspaceDir } from "@signalwire-voice/pipeline";
import { clientCpuFigures, clientFigures } from "./client.mjs";
import { contractFigures } from "./contract.mjs";
import { exportFigures } from "./export.mjs";
import { describeCommit, describeMachine, describeVersions } from "./machine.mjs";
import { measure } from "./measure.mjs";
import { serverFigures } from "./mock-server.mjs";
import { benchOptions, sections } from "./options.mjs";
import { paginationCpuFigures, paginationFigures } from "./pagination.mjs";
import { pipelineFigures } from "./pipeline.mjs";
import { renderJson, renderMarkdown } from "./report.mjs";
import { scaleFigures } from "./scale.mjs";
import { sizeFigures } from "./sizes.mjs";
import { turboBuild } from "./turbo-run.mjs";
import { copyForBench, installCopy } from "./workspace-copy.mjs";

const started = process.hrtime.bigint();
const loadAtStart = loadavg()[0] ?? Number.NaN;
/** @type {import("./options.mjs").BenchOptions} */
let options;
try {
  options = benchOptions(process.argv.slice(2), {
    // pnpm runs a script in its package's folder; INIT_CWD is the folder the user ran pnpm from.
    cwd: process.env.INIT_CWD ?? process.cwd(),
    docs: join(workspaceDir, "docs"),
  });
} catch (error) {
  console.error(`✖ ${error instanceof Error ? error.message : error}`);
  console.error(`  usage: pnpm bench [--only ${sections.join(",")}] [--out <folder>] [--quick] [--keep]`);
  process.exit(2);
}
const { only, rounds, keep } = options;
const out = options.out ?? mkdtempSync(join(tmpdir(), "bench-try-"));
const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
const log = (/** @type {string} */ line) =>
  console.log(`[bench ${elapsed().toFixed(0).padStart(3)} s] ${line}`);

const commit = describeCommit(workspaceDir);
const { copy, files } = copyForBench(workspaceDir);
try {
  log(`copied the working tree (${files} files) to ${copy}; installing`);
  installCopy(copy);

  /** @type {import("./report.mjs").Figure[]} */
  const figures = [];
  if (only.has("pipeline")) {
    figures.push(...pipelineFigures(copy, { rounds: rounds.pipeline, cachedRounds: rounds.cached, log }));
  }
  // Built as committed (after the pipeline's edits, a cache hit that restores every output).
  turboBuild(copy);
  if (only.has("scale")) figures.push(...scaleFigures(copy, { rounds: rounds.scale, log }));
  if (only.has("client")) {
    log("client overhead");
    figures.push(...clientFigures(copy, { rounds: rounds.client }));
    figures.push(...clientCpuFigures(copy, { rounds: rounds.clientCpu }));
  }
  if (only.has("contract")) {
    log("contract: Date revival and response validation, beside zod");
    figures.push(...contractFigures(copy, { rounds: rounds.contract }));
  }
  if (only.has("pagination")) {
    log("pagination: throughput, prefetch, memory");
    figures.push(
      ...paginationFigures(copy, { rounds: rounds.pagination, memoryRounds: rounds.paginationMemory }),
    );
    figures.push(...paginationCpuFigures(copy, { rounds: rounds.paginationCpu }));
  }
  if (only.has("export")) {
    log("export: `signalwire-voice logs export` concurrency, throughput, memory");
    figures.push(
      ...exportFigures(copy, { latencyRounds: rounds.exportLatency, localRounds: rounds.exportLocal }),
    );
  }
  if (only.has("server")) {
    log("mock server memory");
    figures.push(...serverFigures(copy));
  }
  if (only.has("sizes")) figures.push(...sizeFigures(copy));

  const run = {
    date: `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
    commit,
    wallSeconds: elapsed(),
    machine: describeMachine(loadAtStart),
    versions: describeVersions(copy),
    figures,
  };
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "bench.md"), renderMarkdown(run));
  writeFileSync(join(out, "bench.json"), renderJson(run));
  // In the repo's own style, so the committed files pass `biome check` (biome refuses paths
  // outside the repo: a run written elsewhere stays as written).
  if (!relative(workspaceDir, out).startsWith("..")) {
    const written = ["bench.md", "bench.json"].map((file) => join(out, file));
    measure(join(copy, "node_modules/.bin/biome"), ["format", "--write", ...written], { cwd: workspaceDir });
  }
  const unmet = figures.filter((figure) => figure.goal && !figure.goal.met && !figure.skipped);
  log(`wrote ${join(out, "bench.md")} and bench.json; ${unmet.length} goal(s) not met`);
  for (const figure of unmet) console.log(`  ✖ ${figure.label}: ${figure.goal?.text}`);
} finally {
  if (keep) console.log(`(kept ${copy})`);
  else rmSync(copy, { recursive: true, force: true });
}
