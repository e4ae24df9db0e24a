// @ts-check
// The workspace copy release:e2e releases from, and how it runs things there: its own pnpm
// first on PATH (changesets runs `pnpm publish` by name, turbo runs scripts with it), every
// command in the session's scope, and what the workspace publishes, as its package.json files
// say now.
import { join } from "node:path";
import { toolEnv } from "../lib/bootstrap.mjs";
import { linkPnpm } from "../lib/pnpm-bin.mjs";
import { publishablePackages } from "../release-plan.mjs";

/**
 * @example
 * const { pnpmRun, build, versions } = createWorkspace(session, { repo, toolchainDir });
 *
 * @param {import("./session.mjs").Session} session
 * @param {{ repo: string; toolchainDir: string }} options the copy, and the folder with the pinned pnpm
 */
export function createWorkspace({ temp, scope, echo }, { repo, toolchainDir }) {
  const pnpm = { command: linkPnpm(toolchainDir, join(temp, "bin")), prefix: /** @type {string[]} */ ([]) };
  const env = { ...toolEnv, PATH: `${join(temp, "bin")}:${process.env.PATH ?? ""}` };
  /** @type {import("./loopback-registry.mjs").Run} */
  const run = (title, command, args, options) =>
    scope.run(title, command, args, { ...options, ...(echo && { echo }) });
  const packages = () => publishablePackages(repo, pnpm);
  return {
    repo,
    pnpm,
    env,
    run,
    /** pnpm in the copy. @param {string} title @param {string[]} args */
    pnpmRun: (title, args) => run(title, pnpm.command, args, { cwd: repo, env }),
    /** turbo run build, as `pnpm build` (spec lint → bundle → generate → build). */
    build: () =>
      run("build", join(repo, "node_modules/.bin/turbo"), ["run", "build", "--output-logs=errors-only"], {
        cwd: repo,
        env,
      }),
    packages,
    /** package → version, for every published package. */
    versions: () => new Map(packages().map(({ name, version }) => [name, version])),
  };
}
