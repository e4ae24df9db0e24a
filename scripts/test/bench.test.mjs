// @ts-check
// The arithmetic and bookkeeping of `pnpm bench` (scripts/bench/), not its timings: medians and
// ratios, which turbo tasks count as downstream of an edit, peak memory of a process tree, and
// what the page says about a goal.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { lastJson, measure, peakRssMiB } from "../bench/measure.mjs";
import { renderJson, renderMarkdown } from "../bench/report.mjs";
import { perRound, summarize } from "../bench/stats.mjs";
import { downstreamOf } from "../bench/turbo-run.mjs";
import { repoRoot } from "../lib/apis.mjs";

describe("summarize", () => {
  /** @type {Array<[number[], { median: number; min: number; max: number; n: number }]>} */
  const table = [
    [[3], { median: 3, min: 3, max: 3, n: 1 }],
    [[3, 1, 2], { median: 2, min: 1, max: 3, n: 3 }],
    [[10, 1, 3, 2], { median: 2.5, min: 1, max: 10, n: 4 }],
  ];
  for (const [samples, want] of table) {
    test(`${JSON.stringify(samples)} → median ${want.median}`, () =>
      assert.deepEqual(summarize(samples), want));
  }
  test("no samples: NaN, not a number that looks measured", () => {
    assert.ok(Number.isNaN(summarize([]).median));
  });
});

describe("perRound", () => {
  test("divides round by round", () => assert.deepEqual(perRound([2, 9], [1, 3]), [2, 3]));
  test("refuses sides of different lengths", () =>
    assert.throws(() => perRound([1], [1, 2]), /1 samples against 2/));
});

describe("downstreamOf", () => {
  /** @param {string} taskId @param {string[]} dependencies @param {string[]} [dependents] */
  const task = (taskId, dependencies, dependents = []) => ({
    taskId,
    real: true,
    hit: false,
    seconds: 0,
    dependencies,
    dependents,
  });
  test("follows edges from either list of turbo's summary, through tasks without a script", () => {
    const tasks = [
      task("spec#spec:lint", [], ["spec#spec:bundle"]),
      task("spec#spec:bundle", ["spec#spec:lint"]),
      task("types#generate", ["spec#spec:bundle"]),
      // No script (turbo keeps it in the graph); diff#build is reached only through its `dependents`.
      task("diff#generate", ["spec#spec:bundle"], ["diff#build"]),
      task("diff#build", []),
      task("rest#spec:lint", []),
    ];
    assert.deepEqual([...downstreamOf(tasks, "spec#spec:lint")].sort(), [
      "diff#build",
      "diff#generate",
      "spec#spec:bundle",
      "spec#spec:lint",
      "types#generate",
    ]);
  });
});

describe("measure", () => {
  test("times a command and reads the peak RSS of every Node process it started", () => {
    const child =
      "require('node:child_process').spawnSync(process.execPath, ['-e', 'Buffer.alloc(64 * 2 ** 20, 1)'])";
    const run = measure(process.execPath, ["-e", child], { cwd: repoRoot, memory: true });
    assert.ok(run.seconds > 0);
    assert.equal(run.processes.length, 2);
    const [inner, outer] = run.processes;
    assert.equal(inner?.ppid, outer?.pid);
    assert.ok(peakRssMiB(run.processes) >= 64, "the child's 64 MiB buffer");
  });
  test("a failing command throws with its exit status and output", () => {
    assert.throws(
      () => measure(process.execPath, ["-e", "console.error('boom'); process.exit(3)"], { cwd: repoRoot }),
      /failed \(exit 3\)[\s\S]*boom/,
    );
  });
  test("lastJson reads a bench's --json line after anything else it printed", () => {
    assert.deepEqual(lastJson('warming up\n{"rounds":3}\n'), { rounds: 3 });
  });
});

describe("the page", () => {
  const run = {
    date: "2026-11-26 09:00 UTC",
    commit: "abc1234",
    wallSeconds: 359.6,
    machine: { CPU: "test × 2" },
    versions: { Node: "v20.20.2" },
    figures: [
      {
        id: "a",
        section: "S",
        label: "fast",
        unit: "s",
        samples: [1, 2, 3],
        ratio: { label: "a vs b", samples: [1.02, 1.04] },
        goal: { text: "≤ 1.05×", met: true },
      },
      { id: "b", section: "S", label: "slow", unit: "s", samples: [9], goal: { text: "≤ 1 s", met: false } },
      { id: "c", section: "S", label: "absent", unit: "s", samples: [], skipped: "no fixtures" },
    ],
  };
  const page = renderMarkdown(run);
  test("says the wall time against the 10-minute goal, in whole seconds", () => {
    assert.match(page, /\*\*6 min 0 s\*\*/);
    assert.match(page, /under 10 min; met/);
  });
  test("each figure: median, spread, n, ratio, goal, and whether it is met", () => {
    assert.match(
      page,
      /\| fast \| 2\.00 s \| 1\.00 s – 3\.00 s \| 3 \| 1\.030× \(a vs b\), 1\.020× – 1\.040× \| ≤ 1\.05× \| ✅ met \|/,
    );
    assert.match(page, /\| slow \| 9\.00 s \| \(1 run\) \| 1 \| {2}\| ≤ 1 s \| ❌ \*\*not met\*\* \|/);
    assert.match(page, /\| absent \| skipped \| no fixtures \|/);
  });
  test("the JSON keeps every sample, with summaries, rounded to 5 significant digits", () => {
    const json = JSON.parse(renderJson({ ...run, wallSeconds: 359.123456 }));
    assert.equal(json.wallSeconds, 359.12);
    assert.deepEqual(json.figures[0].summary, { median: 2, min: 1, max: 3, n: 3 });
    assert.equal(json.figures[0].ratio.summary.median, 1.03);
  });
});
