// @ts-check
// release:e2e works on a copy: the working tree as git sees it (or one commit), in a git
// repository of its own, so nothing it does reaches the real checkout.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { commitAll, copyWorkspace, git as gitIn } from "../release-e2e/workspace-copy.mjs";

const temp = mkdtempSync(join(tmpdir(), "release-e2e-copy-"));
after(() => rmSync(temp, { recursive: true, force: true }));
const source = join(temp, "source");

/** @param {string} cwd @param {string[]} args */
const git = (cwd, ...args) => {
  const result = spawnSync("git", ["-c", "user.name=t", "-c", "user.email=t@t.invalid", ...args], {
    cwd,
    encoding: "utf8",
  });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
};
/** @param {string} path @param {string} text */
const write = (path, text) => {
  mkdirSync(join(source, path, ".."), { recursive: true });
  writeFileSync(join(source, path), text);
};

mkdirSync(source);
git(source, "init", "-q", "-b", "main");
write(".gitignore", "node_modules/\ndist/\n");
write("package.json", "{}\n");
write("spec/voice.yaml", "committed\n");
write("gone.txt", "deleted in the working tree\n");
write("run.sh", "#!/bin/sh\n");
spawnSync("chmod", ["755", join(source, "run.sh")]);
git(source, "add", ".");
git(source, "commit", "-q", "-m", "base");
write("spec/voice.yaml", "edited, not committed\n");
write("new/untracked.ts", "export {};\n");
write("node_modules/x/index.js", "ignored\n");
write("dist/index.mjs", "ignored\n");
rmSync(join(source, "gone.txt"));

describe("copyWorkspace", () => {
  test("the working tree: tracked and untracked files, not ignored ones, not deleted ones", () => {
    const dest = join(temp, "tree");
    const { files, source: label } = copyWorkspace(source, dest);
    assert.equal(label, "the working tree");
    assert.equal(files, 5);
    assert.equal(readFileSync(join(dest, "spec/voice.yaml"), "utf8"), "edited, not committed\n");
    assert.ok(existsSync(join(dest, "new/untracked.ts")));
    assert.ok(!existsSync(join(dest, "node_modules")));
    assert.ok(!existsSync(join(dest, "dist")));
    assert.ok(!existsSync(join(dest, "gone.txt")));
    assert.equal(statSync(join(dest, "run.sh")).mode & 0o777, 0o755);
  });

  test("a commit: exactly its files", () => {
    const dest = join(temp, "commit");
    const { files, source: label } = copyWorkspace(source, dest, { ref: "HEAD" });
    assert.match(label, /^HEAD \([0-9a-f]{7,}\)$/);
    assert.equal(files, 5);
    assert.equal(readFileSync(join(dest, "spec/voice.yaml"), "utf8"), "committed\n");
    assert.ok(existsSync(join(dest, "gone.txt")));
    assert.ok(!existsSync(join(dest, "new")));
  });

  test("a repository of its own, with an identity, that tags; the source repository is untouched", () => {
    const dest = join(temp, "own");
    const before = git(source, "status", "--porcelain");
    copyWorkspace(source, dest);
    writeFileSync(join(dest, "spec/voice.yaml"), "released\n");
    commitAll(dest, "Version Packages");
    git(dest, "tag", "@signalwire-voice/types@0.2.0");
    assert.equal(gitIn(dest, "tag", "--list"), "@signalwire-voice/types@0.2.0\n");
    assert.equal(git(dest, "log", "--format=%an %s").trim().split("\n")[0], "release-e2e Version Packages");
    assert.equal(git(source, "status", "--porcelain"), before);
    assert.equal(gitIn(source, "tag", "--list"), "");
    assert.equal(git(source, "rev-list", "--count", "HEAD").trim(), "1");
  });
});
