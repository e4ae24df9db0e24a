// @ts-check
// The bench's copy of the repo: the working tree as git sees it (work in progress included), in a
// temporary folder with its own install and turbo cache, so the real spec, build and cache are
// never touched (and a fresh clone needs nothing first).
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { copyWorkspace } from "@signalwire-voice/test-utils";

/**
 * Copies `workspace` into a new temp folder and commits it there, a git repository of its own as
 * a clone is (turbo hashes the files through git when it can). The caller removes the folder.
 *
 * @example copyForBench("/work/main") // { copy: "/tmp/bench-x1y2z3", files: 550 }
 * @param {string} workspace
 * @returns {{ copy: string; files: number }}
 */
export function copyForBench(workspace) {
  const copy = copyWorkspace(workspace, { prefix: "bench-" });
  const git = (/** @type {string[]} */ args) => run("git", args, copy);
  try {
    git(["init", "--quiet", "--initial-branch=main"]);
    git(["add", "--all"]);
    const identity = ["-c", "user.name=bench", "-c", "user.email=bench@example.invalid"];
    git([...identity, "-c", "commit.gpgsign=false", "commit", "--quiet", "--no-verify", "-m", "copy"]);
    return { copy, files: git(["ls-files", "-z"]).split("\0").filter(Boolean).length };
  } catch (error) {
    rmSync(copy, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Installs the copy from the local pnpm store when it can, else from the registry, with the
 * `pnpm` on PATH (`pnpm bench` puts the repo's pinned one first).
 *
 * @example installCopy("/tmp/bench-x1y2z3")
 * @param {string} copy
 */
export function installCopy(copy) {
  for (const extra of ["--offline", "--prefer-offline"]) {
    const result = spawnSync("pnpm", ["install", "--frozen-lockfile", extra], {
      cwd: copy,
      encoding: "utf8",
      stdio: ["ignore", "ignore", "pipe"],
    });
    if (result.status === 0) return;
    if (extra === "--prefer-offline") {
      throw new Error(
        `bench: pnpm install failed in the copy (exit ${result.status ?? result.error}):\n${result.stderr}`,
      );
    }
  }
}

/** @param {string} command @param {string[]} args @param {string} cwd */
function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(
      `bench: \`${command} ${args.join(" ")}\` failed in ${cwd} (exit ${result.status ?? result.error}): ${result.stderr}`,
    );
  }
  return result.stdout;
}
