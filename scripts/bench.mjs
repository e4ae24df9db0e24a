// @ts-check
// `pnpm bench`: how fast the pipeline and the packages are, and how they scale to the combined
// SignalWire REST spec, measured side by side in one run; writes docs/bench.md (tables: machine,
// versions, each figure's median and spread, ratio, goal, met or not) and docs/bench.json.
// Everything runs in a temporary copy of the repo with its own install and turbo cache, so the
// real spec, build and cache are never touched (and a fresh clone needs nothing first).
//
//   pnpm bench [--only pipeline,scale,client,pagination,server,sizes] [--out docs] [--quick] [--keep]
//
//   --quick  one round of everything, to try the bench
//   --out    where to write bench.md and bench.json: default docs/ for a complete run, else a temp folder
//   --keep   leave the copy of the repo in place for a look
// Every input is in the repo, the two REST revisions spec-diff compares included (see
// packages/spec-diff/bench/rest-timing.mjs): a clone runs it all.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { describeMachine, describeVersions } from "./bench/machine.mjs";
import { measure } from "./bench/measure.mjs";
import { pipelineFigures } from "./bench/pipeline.mjs";
import { renderJson, renderMarkdown } from "./bench/report.mjs";
import {
  clientCpuFigures,
  clientFigures,
  paginationCpuFigures,
  paginationFigures,
  serverFigures,
} from "./bench/runtime.mjs";
import { scaleFigures } from "./bench/scale.mjs";
import { sizeFigures } from "./bench/sizes.mjs";
import { turboBuild } from "./bench/turbo-run.mjs";
import { repoRoot } from "./lib/apis.mjs";
import { pnpmCommand, requireNode, toolEnv } from "./lib/bootstrap.mjs";
import { copyWorkspace } from "./release-e2e/workspace-copy.mjs";

requireNode();
const started = process.hrtime.bigint();
const loadAtStart = loadavg()[0] ?? Number.NaN;
const { values } = parseArgs({
  options: {
    only: { type: "string", default: "pipeline,scale,client,pagination,server,sizes" },
    out: { type: "string" },
    quick: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
});
const only = new Set(String(values.only).split(","));
const quick = values.quick === true;
const sections = ["pipeline", "scale", "client", "pagination", "server", "sizes"];
// Only a complete, full-length run replaces docs/bench.md; a partial or quick one goes elsewhere.
const complete = !quick && sections.every((section) => only.has(section));
const unknown = [...only].filter((section) => !sections.includes(section));
if (unknown.length) {
  throw new Error(`bench: unknown --only ${unknown.join(",")} (known: ${sections.join(",")}).`);
}
const out = resolve(
  values.out ?? (complete ? join(repoRoot, "docs") : mkdtempSync(join(tmpdir(), "bench-try-"))),
);
// Rounds per section: enough for a median and a spread within the 10-minute budget on 2 noisy
// cores. Pagination's walks dominate (1 000 000 logs take ~15 s a walk): one memory round.
const rounds = quick
  ? {
      pipeline: 1,
      cached: 1,
      scale: 1,
      client: 3,
      clientCpu: 3,
      paginationCpu: 2,
      pagination: 1,
      paginationMemory: 1,
    }
  : {
      pipeline: 3,
      cached: 3,
      scale: 2,
      client: 20,
      clientCpu: 30,
      paginationCpu: 9,
      pagination: 3,
      paginationMemory: 1,
    };
const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
const log = (/** @type {string} */ line) =>
  console.log(`[bench ${elapsed().toFixed(0).padStart(3)} s] ${line}`);

const commit = commitOf(repoRoot);
const work = mkdtempSync(join(tmpdir(), "bench-"));
const copy = join(work, "repo");
try {
  const { files } = copyWorkspace(repoRoot, copy);
  log(`copied the working tree (${files} files) to ${copy}; installing`);
  install(copy);

  /** @type {import("./bench/report.mjs").Figure[]} */
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
  if (only.has("pagination")) {
    log("pagination: throughput, prefetch, memory");
    figures.push(
      ...paginationFigures(copy, { rounds: rounds.pagination, memoryRounds: rounds.paginationMemory }),
    );
    figures.push(...paginationCpuFigures(copy, { rounds: rounds.paginationCpu }));
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
  if (!relative(repoRoot, out).startsWith("..")) {
    const files = ["bench.md", "bench.json"].map((file) => join(out, file));
    measure(join(copy, "node_modules/.bin/biome"), ["format", "--write", ...files], { cwd: repoRoot });
  }
  const unmet = figures.filter((figure) => figure.goal && !figure.goal.met && !figure.skipped);
  log(`wrote ${join(out, "bench.md")} and bench.json; ${unmet.length} goal(s) not met`);
  for (const figure of unmet) console.log(`  ✖ ${figure.label}: ${figure.goal?.text}`);
} finally {
  if (values.keep) console.log(`(kept ${work})`);
  else rmSync(work, { recursive: true, force: true });
}

/** Installs the copy from the local pnpm store when it can, else from the registry. @param {string} dir */
function install(dir) {
  const pnpm = pnpmCommand();
  for (const extra of [["--offline"], ["--prefer-offline"]]) {
    const args = [...pnpm.prefix, "install", "--frozen-lockfile", ...extra];
    const result = spawnSync(pnpm.command, args, {
      cwd: dir,
      env: toolEnv,
      stdio: ["ignore", "ignore", "pipe"],
    });
    if (result.status === 0) return;
    if (extra[0] === "--prefer-offline") {
      throw new Error(`bench: pnpm install failed in the copy (exit ${result.status}):\n${result.stderr}`);
    }
  }
}

/** The commit measured, and whether the working tree had changes on top of it (bar these results). @param {string} dir */
function commitOf(dir) {
  const git = (/** @type {string[]} */ args) =>
    spawnSync("git", args, { cwd: dir, encoding: "utf8" }).stdout.trim();
  const changed = git(["status", "--porcelain", "--", ".", ":!docs/bench.md", ":!docs/bench.json"]);
  return `${git(["rev-parse", "--short", "HEAD"])}${changed ? " + uncommitted changes" : ""}`;
}
