// @ts-check
// The workspace copy release:e2e releases from, and how it runs things there: the pinned pnpm
// first on PATH (changesets runs `pnpm publish` by name, turbo runs scripts with it), and what
// the workspace publishes, as its package.json files say now.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { xSync } from "tinyexec";
import { toolEnv } from "../lib/bootstrap.mjs";
import { linkPnpm } from "../lib/pnpm-bin.mjs";
import { run } from "./commands.mjs";

/**
 * @typedef {{ name: string; version: string; dir: string; manifest: { private?: boolean; publishConfig?: Record<string, unknown>; repository?: unknown } }} Package
 */

/**
 * @example
 * const workspace = createWorkspace({ repo, bin: join(temp, "bin"), toolchainDir, echo });
 * await workspace.pnpmRun("install", ["install", "--frozen-lockfile"]);
 *
 * @param {{ repo: string; bin: string; toolchainDir: string; echo?: ((text: string) => void) | undefined }} options
 */
export function createWorkspace({ repo, bin, toolchainDir, echo }) {
  const pnpm = linkPnpm(toolchainDir, bin);
  /** @type {NodeJS.ProcessEnv} */
  const env = { ...toolEnv, PATH: `${bin}:${process.env.PATH ?? ""}` };
  /** @type {(title: string, command: string, args: string[], options?: { env?: NodeJS.ProcessEnv }) => ReturnType<typeof run>} */
  const runHere = (title, command, args, options = {}) =>
    run(title, command === "pnpm" ? pnpm : command, args, { cwd: repo, env: options.env ?? env, echo });
  /** The published projects (not `"private": true`), as `pnpm ls --recursive` finds them. @returns {Package[]} */
  const packages = () => {
    const listed = xSync(pnpm, ["ls", "--recursive", "--depth", "-1", "--json"], {
      nodeOptions: { cwd: repo, env },
    });
    if (listed.exitCode !== 0) throw new Error(`pnpm ls --recursive failed in ${repo}: ${listed.stderr}`);
    return /** @type {{ path: string }[]} */ (JSON.parse(listed.stdout))
      .map(({ path }) => ({
        dir: path,
        manifest: JSON.parse(readFileSync(join(path, "package.json"), "utf8")),
      }))
      .filter(({ manifest }) => manifest.private !== true && manifest.name && manifest.version)
      .map(({ dir, manifest }) => ({ name: manifest.name, version: manifest.version, dir, manifest }))
      .sort((a, b) => a.name.localeCompare(b.name));
  };
  return {
    repo,
    pnpm,
    env,
    run: runHere,
    /** pnpm in the copy. @param {string} title @param {string[]} args */
    pnpmRun: (title, args) => runHere(title, "pnpm", args),
    /** turbo run build, as `pnpm build` does (spec lint → bundle → generate → build). */
    build: () =>
      runHere("build", join(repo, "node_modules/.bin/turbo"), ["run", "build", "--output-logs=errors-only"]),
    packages,
    /** package → version, for every published package. */
    versions: () => new Map(packages().map(({ name, version }) => [name, version])),
  };
}

/** @typedef {ReturnType<typeof createWorkspace>} Workspace */
