// @ts-check
// A publish as release.yml's publish job does it, to the loopback registry: each package.json
// names its repository (release-repository.mjs), then `changeset publish`; then the proof that
// the registry holds the versions, as latest, each naming the repository.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { publishToLoopback } from "./loopback-registry.mjs";
import { expectOnRegistry } from "./registry-client.mjs";
import { expectRepository, nameRepository } from "./repository.mjs";

/**
 * Publishes what changesets finds unpublished in the workspace; throws unless the registry
 * then holds each `expected` name@version as latest, naming its repository.
 *
 * @example
 * await publishRelease(workspace, { registry, userConfig, expected: versions(), log });
 *
 * @param {ReturnType<typeof import("./workspace.mjs").createWorkspace>} workspace
 * @param {{ registry: string; userConfig: string; expected: Map<string, string>; log: (line: string) => void }} options
 */
export async function publishRelease(
  { repo, pnpm, env, run, packages },
  { registry, userConfig, expected, log },
) {
  await nameRepository(run, repo, env);
  const manifests = packages().map(({ name, dir }) => ({
    name,
    manifest: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")),
  }));
  await publishToLoopback({ registry, cwd: repo, userConfig, packages: manifests, pnpm, run, baseEnv: env });
  await expectOnRegistry(registry, expected);
  const url = await expectRepository(
    registry,
    repo,
    packages().filter(({ name }) => expected.has(name)),
  );
  log(
    `each published package.json names its repository: ${url} (stand-in runner), directory packages/<name>`,
  );
}
