// @ts-check
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, test } from "node:test";
import { repoRoot } from "../lib/apis.mjs";
import { createProgress } from "../lib/turbo-progress.mjs";

/** `npm start -- <args>`, as npm runs it: node scripts/main.mjs <args>. */
function start(/** @type {string[]} */ args) {
  return spawnSync(process.execPath, [join(repoRoot, "scripts/main.mjs"), ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    timeout: 120_000,
  });
}

describe("npm start's command line is checked before anything runs", () => {
  test("--help prints the demo's usage and exits 0 without installing or building", () => {
    const result = start(["--help"]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^Usage: npm start -- \[--pages N\] \[--page-size N\] \[--help\]/);
    assert.doesNotMatch(result.stdout, /Install dependencies|Pipeline/);
  });

  for (const [args, message] of /** @type {const} */ ([
    [["--bogus"], "Unknown option '--bogus'"],
    [["--pages", "0"], '--pages needs a whole number ≥ 1, got "0"'],
    [["3"], "Unexpected argument '3'"],
  ])) {
    test(`${args.join(" ")} is a usage error (exit 2), before the install`, () => {
      const result = start([...args]);
      assert.equal(result.status, 2);
      assert.ok(result.stderr.startsWith(`✖ npm start: ${message}`), result.stderr);
      assert.match(result.stderr, /Usage: npm start --/);
      assert.equal(result.stdout, "");
    });
  }
});

describe("turbo progress: a line per task started, cached or finished; a failed task's whole log", () => {
  /** @param {string[]} lines @param {number} status */
  function render(lines, status) {
    /** @type {string[]} */
    const printed = [];
    const progress = createProgress((line) => printed.push(line));
    for (const line of lines) progress.line(line);
    progress.end(status);
    return printed;
  }

  test("a run that passes", () => {
    const printed = render(
      [
        "   • Running build in 8 packages",
        "@signalwire-voice/spec:spec:lint: cache miss, executing 66d5a4224428b68d",
        "@signalwire-voice/spec:spec:lint: validating spec/voice.yaml using lint rules for api 'voice@upstream'...",
        "@signalwire-voice/types:generate: cache hit, suppressing logs da671cf348efe936",
        "@signalwire-voice/types:build: cache bypass, force executing 744423e81311a39b",
        "@signalwire-voice/types:build: ℹ [CJS] dist/index.cjs  0.00 kB │ gzip: 0.02 kB",
        "@signalwire-voice/types:build: ✔ Build complete in 787ms",
        "@signalwire-voice/types:build: ✔ Build complete in 789ms",
        "",
        " Tasks:    3 successful, 3 total",
        "Cached:    1 cached, 3 total",
        "  Time:    1.113s ",
      ],
      0,
    );
    assert.deepEqual(printed, [
      "  ▸ spec:lint    @signalwire-voice/spec",
      "  ✔ generate     @signalwire-voice/types  (cached)",
      "  ▸ build        @signalwire-voice/types",
      "  ✔ build        @signalwire-voice/types  Build complete in 787ms",
      " Tasks:    3 successful, 3 total",
      "Cached:    1 cached, 3 total",
      "  Time:    1.113s ",
    ]);
  });

  test("turbo's own error is shown, its banner is not", () => {
    const printed = render(
      [
        "   • Packages in scope: @signalwire-voice/client, @signalwire-voice/spec",
        "   • Remote caching disabled",
        "",
        "  x Unable to find package manager binary: cannot find binary path",
      ],
      1,
    );
    assert.deepEqual(printed, ["  x Unable to find package manager binary: cannot find binary path"]);
  });

  test("a run that fails shows the failed task's log, and only that one", () => {
    const printed = render(
      [
        "//:lint:root: cache miss, executing 1234",
        "//:lint:root: scripts/main.mjs:3:1 lint/style ━━━━",
        "//:lint:root: [ELIFECYCLE] Command failed with exit code 1.",
        "@signalwire-voice/types:build: cache miss, executing 5678",
        "@signalwire-voice/types:build: ℹ Build start",
        "//#lint:root:  ERROR  command (/repo) pnpm run lint:root exited (1)",
        " Tasks:    1 successful, 2 total",
        "Failed:    //#lint:root",
        " ERROR  run failed: command  exited (1)",
      ],
      1,
    );
    assert.deepEqual(printed, [
      "  ▸ lint:root    //",
      "  ▸ build        @signalwire-voice/types",
      " Tasks:    1 successful, 2 total",
      "Failed:    //#lint:root",
      " ERROR  run failed: command  exited (1)",
      "\n── //#lint:root ──",
      "cache miss, executing 1234",
      "scripts/main.mjs:3:1 lint/style ━━━━",
      "[ELIFECYCLE] Command failed with exit code 1.",
    ]);
  });
});
