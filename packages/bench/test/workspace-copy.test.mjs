// @ts-check
// The bench's copy of a workspace: what git knows about, committed in a repository of its own.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { copyForBench } from "../src/workspace-copy.mjs";

describe("copyForBench", () => {
  const workspace = mkdtempSync(join(tmpdir(), "bench-workspace-"));
  /** @type {string[]} */ const made = [workspace];
  after(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });
  execFileSync("git", ["init", "--quiet"], { cwd: workspace });
  writeFileSync(join(workspace, ".gitignore"), "dist/\n");
  writeFileSync(join(workspace, "package.json"), "{}\n");
  mkdirSync(join(workspace, "dist"));
  writeFileSync(join(workspace, "dist/out.js"), "");
  execFileSync("git", ["add", "package.json"], { cwd: workspace });
  writeFileSync(join(workspace, "work-in-progress.md"), "untracked, not ignored\n");

  test("copies tracked and untracked files, not ignored ones, and commits them all", () => {
    const { copy, files } = copyForBench(workspace);
    made.push(copy);
    assert.equal(files, 3);
    assert.ok(existsSync(join(copy, "work-in-progress.md")));
    assert.ok(!existsSync(join(copy, "dist")));
    const status = execFileSync("git", ["status", "--porcelain"], { cwd: copy, encoding: "utf8" });
    assert.equal(status, "", "nothing left uncommitted in the copy");
  });
});
