// @ts-check
// `node scripts/release-repository.mjs [--root <dir>]`: before a provenance publish, sets
// `repository` in every publishable package.json to the repository the runner builds:
//   { "type": "git", "url": "git+<server>/<owner>/<repo>.git", "directory": "packages/<name>" }
// from the runner's GITHUB_SERVER_URL and GITHUB_REPOSITORY. npm refuses a `--provenance`
// publish whose package.json names no repository, or another one than the provenance says.
// Written on the runner only, never committed: forks and renames need no edit. Refuses (exit 2,
// no file changed) when either variable is absent or malformed.
import { readFileSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { repoRoot } from "./lib/apis.mjs";
import { publishablePackages } from "./release-plan.mjs";

/** @typedef {{ type: "git"; url: string; directory: string }} Repository */

const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const NAME = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * The repository the runner builds, from its environment; throws, saying which variable is
 * wrong and how, when either is absent or malformed.
 *
 * @example
 * repositoryFromEnv({ GITHUB_SERVER_URL: "https://git.example.test", GITHUB_REPOSITORY: "acme/voice-sdk" })
 * // → { server: "https://git.example.test", owner: "acme", name: "voice-sdk" }
 *
 * @param {NodeJS.ProcessEnv} [env]
 */
export function repositoryFromEnv(env = process.env) {
  const refuse = (/** @type {string} */ why) =>
    new Error(
      `Refusing to set \`repository\`: ${why}. GitHub Actions sets GITHUB_SERVER_URL (the server's https:// URL) and GITHUB_REPOSITORY (owner/repo) on every runner; run this in the publish job. No package.json was changed.`,
    );
  const serverUrl = env.GITHUB_SERVER_URL;
  const repository = env.GITHUB_REPOSITORY;
  if (!serverUrl) throw refuse("GITHUB_SERVER_URL is not set");
  if (!repository) throw refuse("GITHUB_REPOSITORY is not set");
  /** @type {URL} */
  let url;
  try {
    url = new URL(serverUrl);
  } catch {
    throw refuse(`GITHUB_SERVER_URL ${JSON.stringify(serverUrl)} is not a URL`);
  }
  if (url.protocol !== "https:")
    throw refuse(`GITHUB_SERVER_URL ${JSON.stringify(serverUrl)} is not an https:// URL`);
  if (url.username || url.password || url.search || url.hash || url.pathname !== "/")
    throw refuse(
      `GITHUB_SERVER_URL ${JSON.stringify(serverUrl)} is not a bare server URL (no path, query or credentials)`,
    );
  const [owner = "", name = "", ...rest] = repository.split("/");
  if (rest.length > 0 || !OWNER.test(owner) || !NAME.test(name) || name === "." || name === "..")
    throw refuse(`GITHUB_REPOSITORY ${JSON.stringify(repository)} is not owner/repo`);
  return { server: url.origin, owner, name };
}

/**
 * The `repository` field for the package in `directory` (relative to the repository root).
 *
 * @example
 * repositoryField({ server: "https://git.example.test", owner: "acme", name: "voice-sdk" }, "packages/types")
 * // → { type: "git", url: "git+https://git.example.test/acme/voice-sdk.git", directory: "packages/types" }
 *
 * @param {ReturnType<typeof repositoryFromEnv>} repo
 * @param {string} directory
 * @returns {Repository}
 */
export function repositoryField({ server, owner, name }, directory) {
  return { type: "git", url: `git+${server}/${owner}/${name}.git`, directory };
}

/**
 * The manifest with `repository` set, placed after `license` (or `description`, or `version`)
 * as package.json files usually have it; every other key keeps its place.
 *
 * @example
 * withRepository({ name: "x", version: "1.0.0", license: "MIT", type: "module" }, field)
 * // → { name: "x", version: "1.0.0", license: "MIT", repository: field, type: "module" }
 *
 * @param {Record<string, unknown>} manifest
 * @param {Repository} repository
 */
export function withRepository(manifest, repository) {
  const { repository: _previous, ...rest } = manifest;
  const after = ["license", "description", "version", "name"].find((key) => key in rest);
  /** @type {Record<string, unknown>} */
  const next = {};
  for (const [key, value] of Object.entries(rest)) {
    next[key] = value;
    if (key === after) next.repository = repository;
  }
  if (!after) next.repository = repository;
  return next;
}

/**
 * Sets `repository` in each package.json of `packages`; returns what it set, per package.
 * Validates the environment before touching any file.
 *
 * @example
 * setRepository("/repo", publishablePackages("/repo"), process.env)
 *
 * @param {string} root the repository root (for each package's `directory`)
 * @param {{ name: string; dir: string }[]} packages
 * @param {NodeJS.ProcessEnv} [env]
 */
export function setRepository(root, packages, env = process.env) {
  const repo = repositoryFromEnv(env);
  return packages.map(({ name, dir }) => {
    const path = join(dir, "package.json");
    const field = repositoryField(repo, relative(root, dir).split(sep).join("/"));
    const manifest = JSON.parse(readFileSync(path, "utf8"));
    writeFileSync(path, `${JSON.stringify(withRepository(manifest, field), null, 2)}\n`);
    return { name, repository: field };
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  const root = args[0] === "--root" && args[1] ? args[1] : repoRoot;
  if (args.length > 0 && !(args[0] === "--root" && args[1] && args.length === 2)) {
    console.error("Usage: node scripts/release-repository.mjs [--root <dir>]");
    process.exit(2);
  }
  try {
    repositoryFromEnv(); // refuse before asking pnpm for the packages
    const set = setRepository(root, publishablePackages(root));
    if (set.length === 0) throw new Error(`No publishable package in ${root}.`);
    console.log(`✔ repository → ${set[0]?.repository.url}`);
    for (const { name, repository } of set) console.log(`  ${name} (directory ${repository.directory})`);
  } catch (error) {
    console.error(`✖ release-repository: ${/** @type {Error} */ (error).message}`);
    process.exit(2);
  }
}
