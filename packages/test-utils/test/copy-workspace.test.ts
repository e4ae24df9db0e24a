import { execFileSync } from "node:child_process";
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyWorkspace } from "../src/index.js";

// A repo made here, with one file of each kind git knows, ignores or has lost.
let repo: string;
const copies: string[] = [];
const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, stdio: "pipe" });
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(repo, path)), { recursive: true });
  writeFileSync(join(repo, path), text);
};

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), "copy-workspace repo "));
  git("init", "-q");
  write(".gitignore", "*.log\nbuild/\n");
  write("tracked.txt", "as committed\n");
  write("bin/run.sh", "#!/bin/sh\necho run\n");
  chmodSync(join(repo, "bin/run.sh"), 0o755);
  write("deleted.txt", "gone\n");
  symlinkSync("tracked.txt", join(repo, "link.txt"));
  git("add", ".gitignore", "tracked.txt", "bin/run.sh", "deleted.txt", "link.txt");
  write("tracked.txt", "edited since\n");
  unlinkSync(join(repo, "deleted.txt"));
  write("untracked.txt", "new\n");
  write("debug.log", "ignored\n");
  write("build/out.js", "ignored\n");
  // Not ignored, yet never copied.
  write("node_modules/dep/index.js", "installed\n");
  write("packages/a/node_modules/dep/index.js", "installed\n");
  write("packages/a/index.js", "kept\n");
});
afterAll(() => {
  for (const folder of [repo, ...copies]) if (folder) rmSync(folder, { recursive: true, force: true });
});

function copy(...args: Parameters<typeof copyWorkspace>): string {
  const work = copyWorkspace(...args);
  copies.push(work);
  return work;
}
const filesIn = (folder: string) =>
  readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((path) => !lstatSync(join(folder, path)).isDirectory())
    .sort();

describe("copyWorkspace", () => {
  it("copies what git knows (tracked, untracked but not ignored) as it is on disk now", () => {
    const work = copy(repo);
    expect(filesIn(work)).toEqual([
      ".gitignore",
      "bin/run.sh",
      "link.txt",
      "packages/a/index.js",
      "tracked.txt",
      "untracked.txt",
    ]);
    expect(readFileSync(join(work, "tracked.txt"), "utf8")).toBe("edited since\n");
    expect(readFileSync(join(work, "untracked.txt"), "utf8")).toBe("new\n");
  });

  it("keeps modes, and symlinks as symlinks", () => {
    const work = copy(repo);
    expect(statSync(join(work, "bin/run.sh")).mode & 0o777).toBe(0o755);
    expect(lstatSync(join(work, "link.txt")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(work, "link.txt"))).toBe("tracked.txt");
  });

  it("copies only the given paths, into a new temp folder named by the prefix", () => {
    const work = copy(repo, { paths: ["bin", "untracked.txt", "debug.log"], prefix: "a copy " });
    expect(filesIn(work)).toEqual(["bin/run.sh", "untracked.txt"]);
    expect(dirname(work)).toBe(tmpdir());
    expect(basename(work)).toMatch(/^a copy /);
  });

  it("says what failed, and what it expected, outside a git work tree", () => {
    const plain = mkdtempSync(join(tmpdir(), "not a repo "));
    copies.push(plain);
    expect(() => copyWorkspace(plain)).toThrow(
      /git ls-files .* failed in .*not a repo.*Expected a folder inside a git work tree/s,
    );
  });
});
