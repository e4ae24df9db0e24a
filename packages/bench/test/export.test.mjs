// @ts-check
// The export section: its rows and goals from what export.bench.mjs measured, and the helpers it
// checks each run with (line count, the logs a mock has in a range, the CLI's flags).
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { exportFiguresOf } from "../src/export.mjs";
import { acceptedFlags, countLines } from "../src/export-run.mjs";
import { logsInRange } from "../src/logs-in-range.mjs";
import { startMockProcess } from "../src/mock-process.mjs";

/** @returns {import("../src/export.mjs").ExportReport} */
const measured = ({
  c1 = [9, 8, 10],
  c4 = [2, 2.5, 3],
  exported = [4, 4, 4],
  walked = [3.8, 3.8, 3.8],
  rss = 90,
  missing = /** @type {string[]} */ ([]),
} = {}) => ({
  loadAverage: { start: 1.5, end: 2 },
  missing,
  latency: {
    logs: 200_000,
    delayMs: 20,
    concurrency1: c1,
    concurrency4: missing.length ? [] : c4,
    cpu: { concurrency1: { own: [1.5], mock: [1.25] }, concurrency4: { own: [1.4], mock: [1.2] } },
  },
  local: {
    logs: 200_000,
    export: exported,
    walk: walked,
    cpu: { export: { own: [1.2], mock: [1] }, walk: { own: [0.8], mock: [1] } },
  },
  memory: {
    logs: 1_000_000,
    runs: [{ concurrency: 1, flags: [], seconds: 20, maxRssMiB: rss }],
    walk: { seconds: 12, maxRssMiB: 130 },
  },
});

/** Goal rows by id: met, or the reason they were skipped. @param {import("../src/report.mjs").Figure[]} figures */
const goals = (figures) =>
  Object.fromEntries(
    figures.filter((figure) => figure.goal).map((figure) => [figure.id, figure.skipped ?? figure.goal?.met]),
  );

describe("exportFiguresOf", () => {
  /** @type {Array<[string, import("../src/export.mjs").ExportReport, Record<string, unknown>]>} */
  const table = [
    [
      "all three aims met",
      measured(),
      {
        "export.latency.concurrency-4": true,
        "export.local.concurrency-1": true,
        "export.memory.concurrency-1.peak-rss": true,
      },
    ],
    [
      "2.9× faster, 0.89× the walk, 144 MiB (> 150 MB): none met",
      measured({ c1: [2.9], c4: [1], exported: [4], walked: [3.56], rss: 144 }),
      {
        "export.latency.concurrency-4": false,
        "export.local.concurrency-1": false,
        "export.memory.concurrency-1.peak-rss": false,
      },
    ],
    [
      "no --concurrency flag: its row is skipped, saying so, and never met",
      measured({ missing: ["--concurrency"] }),
      {
        "export.latency.concurrency-4": "not measured: flag missing (`logs export` refuses `--concurrency`)",
        "export.local.concurrency-1": true,
        "export.memory.concurrency-1.peak-rss": true,
      },
    ],
  ];
  for (const [name, report, want] of table) {
    test(name, () => assert.deepEqual(goals(exportFiguresOf(report)), want));
  }
  test("the speed-up is the median of per-round ratios, logs/s are logs over seconds", () => {
    const figures = exportFiguresOf(measured({ c1: [9, 8, 10], c4: [3, 2, 2] }));
    const c4 = figures.find((figure) => figure.id === "export.latency.concurrency-4");
    assert.deepEqual(c4?.ratio?.samples, [3, 4, 5]);
    const local = figures.find((figure) => figure.id === "export.local.concurrency-1");
    assert.deepEqual(local?.samples, [50_000, 50_000, 50_000]);
  });
  test("the CPU of each side, its own and the mock's, in the notes", () => {
    const notes = exportFiguresOf(measured()).map((figure) => figure.note ?? "");
    assert.ok(
      notes.some((note) => note.includes("`--concurrency 1` 1.50 + 1.25 s, `--concurrency 4` 1.40 + 1.20 s")),
    );
    assert.ok(notes.some((note) => note.includes("the export 1.20 + 1.00 s, the walk 0.80 + 1.00 s")));
  });
  test("without the flag the labels say the CLI's default ran, not --concurrency 1", () => {
    const labels = exportFiguresOf(measured({ missing: ["--concurrency"] })).map((figure) => figure.label);
    assert.ok(labels.every((label) => !label.startsWith("`--concurrency 1`")));
  });
});

describe("countLines", () => {
  const dir = mkdtempSync(join(tmpdir(), "bench-export-test-"));
  after(() => rmSync(dir, { recursive: true, force: true }));
  /** @type {Array<[string, string | Buffer, number]>} */
  const table = [
    ["empty", "", 0],
    ["a last line without its newline is not a log", '{"a":1}\n{"b"', 1],
    ["lines across the 1 MiB read buffer", Buffer.alloc(3 * 2 ** 20 + 5, "x\n"), (3 * 2 ** 20 + 4) / 2],
  ];
  for (const [name, text, want] of table) {
    test(name, () => {
      const file = join(dir, `${name.length}.ndjson`);
      writeFileSync(file, text);
      assert.equal(countLines(file), want);
    });
  }
});

test("acceptedFlags: the flags `logs export` accepts, of those asked", () =>
  assert.deepEqual([...acceptedFlags([["--page-size", "1000"], ["--no-such-flag"]])], ["--page-size"]));

describe("a mock server process", () => {
  /** @type {import("../src/mock-process.mjs").MockProcess} */
  let mock;
  before(async () => {
    mock = await startMockProcess({ logs: 2000 });
  });
  after(() => mock.stop());
  test("announces http://127.0.0.1:PORT/api/voice and answers there", async () => {
    assert.match(mock.baseUrl, /^http:\/\/127\.0\.0\.1:\d+\/api\/voice$/);
    assert.equal(
      await logsInRange({ baseUrl: mock.baseUrl, logs: 2000, since: "2025-01-01", until: "2026-01-01" }),
      2000,
    );
  });
  test("logsInRange refuses a range that cuts the data, naming the fix", () =>
    assert.rejects(
      logsInRange({ baseUrl: mock.baseUrl, logs: 2000, since: "2025-12-31T12:00:00Z", until: "2026-01-01" }),
      /the mock has logs created before 2025-12-31T12:00:00Z; widen the export's range/,
    ));
  test("stop ends the process", async () => {
    const { pid } = mock;
    await mock.stop();
    assert.throws(() => process.kill(pid, 0), /ESRCH/);
  });
});
