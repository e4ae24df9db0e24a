// @ts-check
// The repo as release:e2e works on it: a copy in a temporary folder, so the real checkout (its
// spec, changesets, versions, .git) is never touched. By default the working tree as git sees it
// (tracked files plus untracked ones that are not ignored, so work in progress is included); with
// a revision, exactly that commit (`git archive`). The copy is a git repository of its own, with
// an identity: changesets tags what it publishes, and skips tags without one.
import { cpSync, lstatSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { xSync } from "tinyexec";

/**
 * git in `cwd`; throws with git's message when it fails.
 *
 * @example
 * git("/tmp/copy", "tag", "--list") // → "@signalwire-voice/types@0.1.0\n"
 *
 * @param {string} cwd
 * @param {string[]} args
 */
export function git(cwd, ...args) {
  const result = xSync("git", args, { nodeOptions: { cwd, maxBuffer: 1024 ** 3 } });
  if (result.exitCode !== 0)
    throw new Error(`git ${args.join(" ")} in ${cwd} failed: ${result.stderr.trim()}`);
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
    const tar = join(dest, ".snapshot.tar");
    git(root, "archive", "--format=tar", `--output=${tar}`, ref);
    const untar = xSync("tar", ["-xf", tar], { nodeOptions: { cwd: dest } });
    rmSync(tar);
    if (untar.exitCode !== 0) throw new Error(`tar could not unpack ${ref}: ${untar.stderr.trim()}`);
    files = git(root, "ls-tree", "-r", "--name-only", ref).split("\n").filter(Boolean).length;
  } else {
    for (const file of new Set(
      git(root, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0"),
    )) {
      const stat = file ? lstatSync(join(root, file), { throwIfNoEntry: false }) : undefined;
      // Deleted in the working tree but still in the index: not part of the work.
      if (!stat || stat.isDirectory()) continue;
      mkdirSync(dirname(join(dest, file)), { recursive: true });
      cpSync(join(root, file), join(dest, file), { verbatimSymlinks: true });
      files += 1;
    }
  }
  git(dest, "init", "--quiet", "--initial-branch=main");
  for (const [key, value] of Object.entries({
    "user.name": "release-e2e",
    "user.email": "release-e2e@example.invalid",
    "commit.gpgsign": "false",
    "tag.gpgsign": "false",
  }))
    git(dest, "config", key, value);
  const source = ref ? `${ref} (${git(root, "rev-parse", "--short", ref).trim()})` : "the working tree";
  commitAll(dest, `Snapshot of ${source} for release:e2e`);
  return { files, source };
}

/**
 * Commits everything in the copy (it is ours alone), as the release flow would at each step.
 * @param {string} dir @param {string} message
 */
export function commitAll(dir, message) {
  git(dir, "add", "--all");
  git(dir, "commit", "--quiet", "--no-verify", "--allow-empty", "-m", message);
}
