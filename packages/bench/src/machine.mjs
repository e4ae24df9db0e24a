// @ts-check
// What docs/bench.md says about where it was measured: the commit, the machine, and the version of
// every tool in the figures, read from what the bench's copy of the repo actually installed.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { arch, cpus, loadavg, release, totalmem, type } from "node:os";
import { join } from "node:path";

/**
 * @example describeMachine(3.9) // { CPU: "AMD EPYC … × 2", memory: "24 GiB", OS: "Linux 6.1 x64", … }
 * @param {number} loadAtStart the 1-minute load average when the bench started
 * @returns {Record<string, string>}
 */
export function describeMachine(loadAtStart) {
  const [first] = cpus();
  return {
    CPU: `${first?.model.trim() ?? "unknown"} × ${cpus().length}`,
    memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
    OS: `${type()} ${release()} ${arch()}`,
    // Other work on the machine slows both sides of a ratio alike, but widens every spread.
    "load average (1 min), at start → end": `${loadAtStart.toFixed(2)} → ${loadavg()[0]?.toFixed(2)}`,
  };
}

/** Tool → the package (in the copy) whose dependency it is. */
const tools = {
  turbo: ".",
  typescript: ".",
  "@redocly/cli": "packages/pipeline",
  "openapi-typescript": "packages/pipeline",
  "openapi-fetch": "packages/client",
  tsdown: "packages/client",
  vitest: "packages/client",
  "size-limit": "packages/client",
};

/**
 * @example describeVersions("/tmp/bench-x/repo") // { Node: "v20.20.2", pnpm: "12.4.2", turbo: "2.11.11", … }
 * @param {string} copy
 * @returns {Record<string, string>}
 */
export function describeVersions(copy) {
  const versions = {
    Node: process.version,
    // The pnpm on PATH: `pnpm bench` puts the repo's pinned one first.
    pnpm: spawnSync("pnpm", ["--version"], { encoding: "utf8" }).stdout.trim(),
  };
  for (const [name, from] of Object.entries(tools)) {
    const manifest = createRequire(join(copy, from, "package.json")).resolve(`${name}/package.json`);
    versions[/** @type {"Node"} */ (name)] = JSON.parse(readFileSync(manifest, "utf8")).version;
  }
  return versions;
}

/**
 * The commit measured, and whether the working tree had changes on top of it (bar these results).
 *
 * @example describeCommit("/work/main") // "56b4dd8 + uncommitted changes"
 * @param {string} workspace
 */
export function describeCommit(workspace) {
  const git = (/** @type {string[]} */ args) =>
    spawnSync("git", args, { cwd: workspace, encoding: "utf8" }).stdout.trim();
  const changed = git(["status", "--porcelain", "--", ".", ":!docs/bench.md", ":!docs/bench.json"]);
  return `${git(["rev-parse", "--short", "HEAD"])}${changed ? " + uncommitted changes" : ""}`;
}
