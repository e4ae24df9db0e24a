import { execFileSync } from "node:child_process";
import { copyFileSync, lstatSync, mkdirSync, mkdtempSync, readlinkSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/**
 * @example
 * ```ts
 * const options: CopyWorkspaceOptions = { paths: ["package.json", "spec"], prefix: "spec copy " };
 * ```
 */
export interface CopyWorkspaceOptions {
  /** Git pathspecs (files or folders) relative to the folder: only these are copied. Default: all. */
  paths?: readonly string[];
  /**
   * Start of the new folder's name, in the OS temp folder (default `"workspace-"`). One with a space
   * tests what users' checkouts often have.
   */
  prefix?: string;
}

/**
 * Copies the working tree of `folder` (in a git repo) into a new temp folder and returns its path:
 * the files git knows about, tracked or untracked but not ignored, as they are on disk now (edits
 * included, deleted ones left out), with their modes; symlinks stay symlinks. Never
 * `node_modules`, ignored or not: a copy is for running tools on, with the installed ones linked
 * in by the caller. The caller removes the folder.
 *
 * @example
 * ```ts
 * import { rmSync } from "node:fs";
 * import { copyWorkspace } from "@signalwire-voice/test-utils";
 *
 * const work = copyWorkspace(repoRoot, { prefix: "task isolation " });
 * try {
 *   // run turbo, scripts, … in `work`
 * } finally {
 *   rmSync(work, { recursive: true, force: true });
 * }
 * ```
 */
export function copyWorkspace(folder: string, options: CopyWorkspaceOptions = {}): string {
  const { paths = [], prefix = "workspace-" } = options;
  const files = listFiles(folder, paths);
  const work = mkdtempSync(join(tmpdir(), prefix));
  for (const file of files) {
    if (file.split("/").includes("node_modules")) continue;
    const from = join(folder, file);
    const stat = lstatSync(from, { throwIfNoEntry: false });
    // Deleted in the working tree but still in the index; a folder is a submodule.
    if (!stat || stat.isDirectory()) continue;
    const to = join(work, file);
    mkdirSync(dirname(to), { recursive: true });
    if (stat.isSymbolicLink()) symlinkSync(readlinkSync(from), to);
    else copyFileSync(from, to); // copies the mode too
  }
  return work;
}

/** The files git knows about in `folder` (tracked, or untracked but not ignored), relative to it. */
function listFiles(folder: string, paths: readonly string[]): string[] {
  const args = ["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", ...paths];
  let output: string;
  try {
    output = execFileSync("git", args, {
      cwd: folder,
      encoding: "utf8",
      stdio: "pipe",
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? "").trim();
    throw new Error(
      `copyWorkspace: \`git ${args.join(" ")}\` failed in ${folder}${stderr ? `: ${stderr}` : ""}. ` +
        "Expected a folder inside a git work tree, with git on the PATH.",
      { cause: error },
    );
  }
  // An unmerged file is listed once per merge stage: copy it once.
  return [...new Set(output.split("\0").filter(Boolean))];
}
