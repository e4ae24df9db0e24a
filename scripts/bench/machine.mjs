// @ts-check
// What docs/bench.md says about where it was measured: the machine, and the version of every
// tool in the figures, read from what the bench's copy of the repo actually installed.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { arch, cpus, loadavg, release, totalmem, type } from "node:os";
import { join } from "node:path";
import { pnpmCommand, toolEnv } from "../lib/bootstrap.mjs";

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
  const pnpm = pnpmCommand();
  const versions = {
    Node: process.version,
    pnpm: spawnSync(pnpm.command, [...pnpm.prefix, "--version"], {
      encoding: "utf8",
      env: toolEnv,
    }).stdout.trim(),
  };
  for (const [name, from] of Object.entries(tools)) {
    const manifest = createRequire(join(copy, from, "package.json")).resolve(`${name}/package.json`);
    versions[/** @type {"Node"} */ (name)] = JSON.parse(readFileSync(manifest, "utf8")).version;
  }
  return versions;
}
