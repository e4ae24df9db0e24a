// @ts-check
// A release as release.yml's release job makes it, to the loopback registry: the `version` and
// `publish` commands of its changesets/action step, read from the workflow so that the two
// cannot drift apart; then the proof that the publish landed: every new version on the registry
// as latest, tagged in git, and serving the `repository` its package.json commits (npm checks
// that field against the provenance statement).
import { relative } from "node:path";
import {
  assertLoopbackRegistry,
  assertNoRegistryOverride,
  packument,
  registryEnv,
  registryProbes,
} from "./registry.mjs";
import { git } from "./workspace-copy.mjs";

/**
 * The `version` and `publish` commands of the workflow's changesets/action step, split on
 * whitespace as the action splits them (it runs them without a shell).
 *
 * @example
 * releaseCommands(readFileSync(".github/workflows/release.yml", "utf8"))
 * // → { version: ["pnpm", "exec", "changeset", "version"], publish: ["pnpm", "release"] }
 *
 * @param {string} workflow the text of release.yml
 */
export function releaseCommands(workflow) {
  const at = workflow.indexOf("uses: changesets/action@");
  const command = (/** @type {string} */ key) => {
    const value =
      at === -1 ? undefined : new RegExp(`^\\s+${key}:\\s*(.+)$`, "m").exec(workflow.slice(at))?.[1];
    if (!value) throw new Error(`release.yml has no changesets/action step with a \`${key}:\` command.`);
    return value
      .replace(/^(["'])(.*)\1$/, "$2")
      .trim()
      .split(/\s+/);
  };
  return { version: command("version"), publish: command("publish") };
}

/**
 * Runs `publish` in the workspace against `registry` only; throws unless the registry then holds
 * each `expected` name@version as latest, tagged, with its committed `repository`. Refuses,
 * having published nothing, when the registry is not on loopback, a package's publishConfig
 * names another registry, or npm or pnpm would resolve another one.
 *
 * @example
 * await publishRelease(workspace, { registry, userConfig, publish: ["pnpm", "release"], expected: workspace.versions() });
 *
 * @param {Pick<import("./workspace.mjs").Workspace, "repo" | "env" | "run" | "packages">} workspace
 * @param {{ registry: string; userConfig: string; publish: string[]; expected: Map<string, string> }} options
 */
export async function publishRelease(
  { repo, env, run, packages },
  { registry, userConfig, publish, expected },
) {
  const url = assertLoopbackRegistry(registry);
  const published = packages();
  assertNoRegistryOverride(published.map(({ name, manifest }) => ({ name, ...manifest })));
  const scopes = [...new Set(published.map(({ name }) => name.split("/")[0] ?? name))];
  const publishEnv = registryEnv(url, userConfig, scopes, env);
  for (const [tool, args] of registryProbes(scopes)) {
    const answer = (await run(`${tool} ${args.join(" ")}`, tool, args, { env: publishEnv })).stdout.trim();
    if (answer !== url)
      throw new Error(
        `Refusing to publish: \`${tool} ${args.join(" ")}\` answers ${JSON.stringify(answer)}, not ${url}. Nothing was published.`,
      );
  }
  const [command = "", ...args] = publish;
  await run(publish.join(" "), command, args, { env: publishEnv });
  const tags = git(repo, "tag", "--list").split("\n");
  for (const { name, version, dir, manifest } of published.filter(({ name }) => expected.has(name))) {
    const held = await packument(url, name);
    if (version !== expected.get(name) || held["dist-tags"]?.latest !== version)
      throw new Error(
        `The registry should hold ${name}@${expected.get(name)} as latest; it has [${Object.keys(held.versions ?? {})}], latest ${held["dist-tags"]?.latest}.`,
      );
    if (!tags.includes(`${name}@${version}`))
      throw new Error(`changeset publish did not tag ${name}@${version}.`);
    const served = JSON.stringify(held.versions?.[version]?.repository);
    const want = { .../** @type {object} */ (manifest.repository), directory: relative(repo, dir) };
    if (served !== JSON.stringify(manifest.repository) || served !== JSON.stringify(want))
      throw new Error(
        `${name}@${version} is served with repository ${served}; its package.json must commit ${JSON.stringify({ type: "git", url: "git+https://…/<owner>/<repo>.git", directory: want.directory })}.`,
      );
  }
}
