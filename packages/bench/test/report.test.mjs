// @ts-check
// What docs/bench.md and docs/bench.json say about each figure and its goal.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { renderJson, renderMarkdown } from "../src/report.mjs";

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
