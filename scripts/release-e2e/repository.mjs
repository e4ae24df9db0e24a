// @ts-check
// release.yml's repository step, played in the copy: scripts/release-repository.mjs sets
// `repository` in every published package.json from the runner's GITHUB_SERVER_URL and
// GITHUB_REPOSITORY (npm refuses a provenance publish without it). Here a stand-in runner's
// values, and the proof: what the registry serves names that repository, package by package.
import { relative } from "node:path";
import { registryManifest } from "./registry-client.mjs";

/** The runner's variables, as a stand-in (no such server exists; nothing is fetched from it). */
export const STAND_IN_RUNNER = {
  GITHUB_SERVER_URL: "https://git.example.test",
  GITHUB_REPOSITORY: "release-e2e/voice-sdk",
};
const REPOSITORY_URL = `git+${STAND_IN_RUNNER.GITHUB_SERVER_URL}/${STAND_IN_RUNNER.GITHUB_REPOSITORY}.git`;

/**
 * Runs the repository step in the copy at `repo`, as release.yml does before publishing.
 *
 * @example
 * await nameRepository(run, repo, env);
 *
 * @param {(title: string, command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }) => Promise<unknown>} run
 * @param {string} repo
 * @param {NodeJS.ProcessEnv} env
 */
export async function nameRepository(run, repo, env) {
  await run("release-repository", process.execPath, ["scripts/release-repository.mjs"], {
    cwd: repo,
    env: { ...env, ...STAND_IN_RUNNER },
  });
}

/**
 * Throws unless the registry serves each published `name@version` with `repository` naming the
 * stand-in runner's repository and the package's own folder.
 *
 * @example
 * await expectRepository(registry, repo, [{ name, version, dir }]);
 *
 * @param {string} registry
 * @param {string} repo the copy (each package's `directory` is relative to it)
 * @param {{ name: string; version: string; dir: string }[]} published
 */
export async function expectRepository(registry, repo, published) {
  for (const { name, version, dir } of published) {
    const want = { type: "git", url: REPOSITORY_URL, directory: relative(repo, dir) };
    const got = (await registryManifest(registry, name, version))?.repository;
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      throw new Error(
        `The registry serves ${name}@${version} with repository ${JSON.stringify(got)}, not ${JSON.stringify(want)}.`,
      );
    }
  }
  return REPOSITORY_URL;
}
