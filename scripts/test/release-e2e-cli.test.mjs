// @ts-check
// release:e2e's command line (node:util parseArgs): --help runs nothing; anything it does not
// know is refused with the usage before anything runs.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { repoRoot } from "../lib/apis.mjs";

const run = (/** @type {string[]} */ ...args) =>
  spawnSync(process.execPath, [join(repoRoot, "scripts/release-e2e.mjs"), ...args], { encoding: "utf8" });

test("--help prints the options and runs nothing", () => {
  for (const flag of ["--help", "-h"]) {
    const result = run(flag);
    assert.equal(result.status, 0);
    assert.match(
      result.stdout,
      /^Usage: pnpm release:e2e \[--ref <git revision>\] \[--keep\] \[--verbose\]\n/,
    );
    assert.match(result.stdout, /--keep {8}leave the temporary folder/);
  }
});

test("an unknown argument, or --ref without a revision: exit 2 with the reason and the usage", () => {
  /** @type {[string[], RegExp][]} */
  const table = [
    [["--publish"], /Unknown option '--publish'/],
    [["--ref"], /Option '--ref <value>' argument missing/],
    [["--ref", "--keep"], /Option '--ref' argument is ambiguous/],
    [["extra"], /Unexpected argument 'extra'/],
  ];
  for (const [args, message] of table) {
    const result = run(...args);
    assert.equal(result.status, 2, args.join(" "));
    assert.match(result.stderr, message);
    assert.match(result.stderr, /^✖ release:e2e: .*\nUsage: pnpm release:e2e/s);
  }
});
