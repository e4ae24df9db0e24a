// @ts-check
// The repo as release:e2e works on it: a copy in a temporary folder, so the real checkout (its
// spec, changesets, versions, .git) is never touched. By default the working tree as git sees
// it (tracked files plus untracked ones that are not ignored, so work in progress is included);
// with a revision, exactly that commit. The copy gets a git repository of its own, with an
// identity, because changesets tags what it publishes and skips tags without one.
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, lstatSync, mkdirSync, readlinkSync, symlinkSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * @param {string} cwd @param {string[]} args @param {{ input?: Buffer; encoding?: "utf8" | "buffer" }} [options]
 */
function git(cwd, args, { input, encoding = "utf8" } = {}) {
  const result = spawnSync("git", args, { cwd, input, encoding, maxBuffer: 1024 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error(
      `git ${args.join(" ")} in ${cwd} failed: ${String(result.stderr).trim() || result.error?.message}`,
    );
  }
  return result.stdout;
}

/**
 * Copies the repository at `root` into `dest` (created) and commits it there.
 *
 * @example
 * copyWorkspace("/work/main", "/tmp/release-e2e-x/repo") // working tree, uncommitted work included
 * copyWorkspace("/work/main", "/tmp/release-e2e-x/repo", { ref: "HEAD" }) // the last commit only
 *
 * @param {string} root
 * @param {string} dest
 * @param {{ ref?: string | undefined }} [options]
 * @returns {{ files: number; source: string }}
 */
export function copyWorkspace(root, dest, { ref } = {}) {
  mkdirSync(dest, { recursive: true });
  let files = 0;
  if (ref) {
    const tar = /** @type {Buffer} */ (git(root, ["archive", "--format=tar", ref], { encoding: "buffer" }));
    const untar = spawnSync("tar", ["-x", "-C", dest], { input: tar });
    if (untar.status !== 0) throw new Error(`tar could not unpack ${ref}: ${String(untar.stderr).trim()}`);
    files = String(git(root, ["ls-tree", "-r", "--name-only", ref]))
      .split("\n")
      .filter(Boolean).length;
  } else {
    const list = String(git(root, ["ls-files", "-z", "--cached", "--others", "--exclude-standard"]));
    for (const file of new Set(list.split("\0").filter(Boolean))) {
      const from = join(root, file);
      const to = join(dest, file);
      // Deleted in the working tree but still in the index: not part of the work.
      const stat = lstatSync(from, { throwIfNoEntry: false });
      if (!stat || stat.isDirectory()) continue;
      mkdirSync(dirname(to), { recursive: true });
      if (stat.isSymbolicLink()) symlinkSync(readlinkSync(from), to);
      else {
        copyFileSync(from, to);
        chmodSync(to, stat.mode & 0o777);
      }
      files += 1;
    }
  }
  git(dest, ["init", "--quiet", "--initial-branch=main"]);
  git(dest, ["config", "user.name", "release-e2e"]);
  git(dest, ["config", "user.email", "release-e2e@example.invalid"]);
  git(dest, ["config", "commit.gpgsign", "false"]);
  git(dest, ["config", "tag.gpgsign", "false"]);
  git(dest, ["add", "--all"]);
  const source = ref
    ? `${ref} (${String(git(root, ["rev-parse", "--short", ref])).trim()})`
    : "the working tree";
  git(dest, ["commit", "--quiet", "--no-verify", "-m", `Snapshot of ${source} for release:e2e`]);
  return { files, source };
}

/**
 * Commits everything in the copy (it is ours alone), as the release flow would at each step.
 * @param {string} dir @param {string} message
 */
export function commitAll(dir, message) {
  git(dir, ["add", "--all"]);
  git(dir, ["commit", "--quiet", "--no-verify", "--allow-empty", "-m", message]);
}

/**
 * The git tags in the copy.
 * @param {string} dir
 * @returns {string[]}
 */
export function gitTags(dir) {
  return String(git(dir, ["tag", "--list"]))
    .split("\n")
    .filter(Boolean);
}
