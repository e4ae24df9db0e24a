import { spawnSync } from "node:child_process";
import { SpecDiffError } from "../spec-diff-error.js";

/** `ref:path`, e.g. `main:spec/voice.yaml` or `HEAD~1:spec/voice.yaml`. */
export interface GitRef {
  ref: string;
  path: string;
}

/**
 * Splits `ref:path` at its first colon (git refs cannot contain one), or returns undefined
 * when `spec` is not in that form. Throws {@link SpecDiffError} for a ref git would read as
 * an option (`--output=x:y` would make `git show` write a file).
 */
export function parseGitRef(spec: string): GitRef | undefined {
  const colon = spec.indexOf(":");
  if (colon <= 0 || colon === spec.length - 1) return undefined;
  const gitRef = { ref: spec.slice(0, colon), path: spec.slice(colon + 1) };
  checkRef(gitRef);
  return gitRef;
}

/**
 * The text of `path` at `ref`, read with `git show` in `cwd`. `path` is relative to the
 * repository's root, as in `git show main:spec/voice.yaml` (`./path` is relative to `cwd`).
 */
export function readGitRef({ ref, path }: GitRef, cwd: string): string {
  checkRef({ ref, path });
  // `--end-of-options`: whatever the ref is, git reads it as a revision, never as an option.
  const result = spawnSync("git", ["show", "--end-of-options", `${ref}:${path}`], {
    cwd,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) {
    throw new SpecDiffError(
      `Could not run git to read \`${ref}:${path}\` (${result.error.message}). Install git, or pass a file path instead.`,
      { cause: result.error },
    );
  }
  if (result.status === 0) return result.stdout;
  throw new SpecDiffError(explain(ref, path, result.stderr.trim(), cwd));
}

function checkRef({ ref, path }: GitRef): void {
  if (!ref.startsWith("-")) return;
  throw new SpecDiffError(
    `\`${ref}:${path}\` is not a file, and \`${ref}\` cannot be a git ref: refs never start with "-" (git would read it as an option). Name a branch, tag or commit, as in \`main:${path}\`.`,
  );
}

function explain(ref: string, path: string, stderr: string, cwd: string): string {
  const what = `Could not read \`${ref}:${path}\` from git in ${cwd}`;
  if (/not a git repository/i.test(stderr)) {
    return `${what}: this is not a git repository. Run spec-diff inside the repository, or pass a file path.`;
  }
  if (/does not exist in|exists on disk, but not in/i.test(stderr)) {
    return `${what}: \`${path}\` is not in \`${ref}\`. Paths are relative to the repository root (\`git ls-tree -r --name-only ${ref}\` lists them).`;
  }
  if (/invalid object name|unknown revision|bad revision|ambiguous argument/i.test(stderr)) {
    return `${what}: \`${ref}\` is not a commit, branch or tag here. Check it with \`git rev-parse ${ref}\` (fetch it first in a shallow CI clone).`;
  }
  return `${what}: ${stderr || "git failed without saying why"}.`;
}
