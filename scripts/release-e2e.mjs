// @ts-check
// `pnpm release:e2e`: the release story, end to end, on this machine, against a real npm
// registry on loopback, without touching this checkout.
//  1. copy the repo into a temporary folder; install (pnpm, frozen lockfile) and build there
//  2. start Verdaccio (no uplinks, 127.0.0.1, a free port, storage in the temp folder)
//  3. publish the current packages as release.yml does: each package.json names its repository
//     (release-e2e/repository.mjs), then `changeset publish`
//  4. twice, a real upstream spec change (release-e2e/rounds.mjs), each through the pipeline:
//     `pnpm spec:update <file>` → the PR's bump check (release-e2e/spec-change.mjs)
//     → `changeset version` → build → `changeset publish` → the registry holds the new versions
//     → a fresh consumer project installs them, imports them (ESM and CJS), typechecks against
//     them and lists logs from the mock server it installed (release-e2e/consumer.mjs)
//  5. print the versions it published; stop Verdaccio and every child; remove the temp folder.
// Publishing goes only to the loopback registry (scripts/release-e2e/loopback-registry.mjs).
// Options (release-e2e/cli-args.mjs): --ref <git revision>, --keep, --verbose.
import { join, relative } from "node:path";
import { repoRoot } from "./lib/apis.mjs";
import { pnpmCommand, requireNode, toolchainDir, toolEnv } from "./lib/bootstrap.mjs";
import { ensureNpmTools } from "./lib/npm-tools.mjs";
import { parseArgs } from "./release-e2e/cli-args.mjs";
import { checkConsumer } from "./release-e2e/consumer.mjs";
import { publishRelease } from "./release-e2e/publish.mjs";
import { registryVersions } from "./release-e2e/registry-client.mjs";
import { bumpVersion, versionsTable } from "./release-e2e/report.mjs";
import { ROUNDS } from "./release-e2e/rounds.mjs";
import { runSession } from "./release-e2e/session.mjs";
import { playSpecChange } from "./release-e2e/spec-change.mjs";
import { startVerdaccio } from "./release-e2e/verdaccio.mjs";
import { createWorkspace } from "./release-e2e/workspace.mjs";
import { commitAll, copyWorkspace, gitTags } from "./release-e2e/workspace-copy.mjs";
import { pendingChangesets } from "./release-plan.mjs";

const TYPES = "@signalwire-voice/types";
const toolsDir = join(repoRoot, "scripts/release-e2e");
const options = parseArgs(process.argv.slice(2));
requireNode();

await runSession(options, async ({ temp, scope, say, detail, echo, step }) => {
  say(`release:e2e: the release story against a registry on loopback (temp folder ${temp}).`);
  await step(
    "Tools: Verdaccio 6.8.0 (npm, scripts/release-e2e) and the pinned pnpm (scripts/toolchain)",
    () => {
      ensureNpmTools(toolsDir, { log: detail });
      pnpmCommand();
    },
  );
  const workspace = createWorkspace(
    { temp, scope, say, detail, echo, step },
    { repo: join(temp, "repo"), toolchainDir },
  );
  const { repo, pnpmRun, build, versions } = workspace;
  const source = options.ref ? `commit ${options.ref}` : "working tree: tracked + untracked, not ignored";
  await step(`Copy the repo (${source})`, () => {
    const { files, source } = copyWorkspace(repoRoot, repo, { ref: options.ref });
    detail(`${files} files of ${source} → ${relative(temp, repo)}/ (a git repository of its own)`);
  });
  await step("Install (pnpm install --frozen-lockfile --prefer-offline)", () =>
    pnpmRun("pnpm install", ["install", "--frozen-lockfile", "--prefer-offline"]),
  );
  await step("Build (turbo run build: spec lint → bundle → generate → build)", build);
  if (!versions().has(TYPES)) throw new Error(`${TYPES} is not a published package of the workspace.`);
  detail(`published packages: ${[...versions().keys()].join(", ")}`);

  const scopes = [...new Set([...versions().keys()].map((name) => name.split("/")[0] ?? name))];
  const registry = await step(
    "Start Verdaccio (127.0.0.1, free port, no uplinks, temp storage)",
    async () => {
      const server = await startVerdaccio(scope, { dir: join(temp, "registry"), toolsDir, scopes });
      detail(`${server.url} (pid ${server.pid})`);
      return server;
    },
  );
  const publish = (/** @type {Map<string, string>} */ expected) =>
    publishRelease(workspace, {
      registry: registry.url,
      userConfig: join(temp, "auth/.npmrc"),
      expected,
      log: detail,
    });

  /** @type {Map<string, string>[]} */
  const history = [];
  await step("Publish the current packages (repository → changeset publish)", async () => {
    const pending = pendingChangesets(join(repo, ".changeset"));
    if (pending.length > 0) {
      // As on main: pending changesets are versioned (the Version Packages PR) before a publish.
      detail(`${pending.length} pending changeset(s) first: changeset version, build`);
      await pnpmRun("changeset version", ["exec", "changeset", "version"]);
      await build();
      commitAll(repo, "Version Packages");
    }
    await publish(versions());
    history.push(versions());
    detail(`on the registry: ${[...versions()].map(([name, version]) => `${name}@${version}`).join(", ")}`);
  });

  /** @param {import("./release-e2e/consumer.mjs").Stage} level @param {string} title */
  const consumer = (level, title) =>
    step(`Fresh consumer of ${title}: npm install, ESM + CJS, tsc, logs from the mock server`, () => {
      const tsc = join(repo, "node_modules/typescript/bin/tsc");
      const dir = join(temp, `consumer-${level}`);
      return checkConsumer(scope, {
        dir,
        registry: registry.url,
        versions: versions(),
        tsc,
        level,
        env: toolEnv,
        log: detail,
      });
    });
  await consumer("before", "the first publish");

  for (const [index, round] of ROUNDS.entries()) {
    const before = versions();
    await step(`Spec change ${index + 1}: ${round.title} → pnpm spec:update → the PR's bump check`, () =>
      playSpecChange({ round, index, repo, specs: join(temp, "specs"), pnpmRun, log: detail }),
    );
    await step(
      `Release the ${round.level} spec change: changeset version → build → changeset publish`,
      async () => {
        await pnpmRun("changeset version", ["exec", "changeset", "version"]);
        const after = versions();
        const expected = bumpVersion(/** @type {string} */ (before.get(TYPES)), round.level);
        if (after.get(TYPES) !== expected)
          throw new Error(
            `changeset version made ${TYPES} ${after.get(TYPES)}, expected ${expected} (${round.level}).`,
          );
        await build();
        commitAll(repo, "Version Packages");
        const changed = new Map([...after].filter(([name, version]) => before.get(name) !== version));
        await publish(changed);
        const untagged = [...changed].filter(
          ([name, version]) => !gitTags(repo).includes(`${name}@${version}`),
        );
        if (untagged.length > 0)
          throw new Error(
            `changeset publish did not tag ${untagged.map(([n, v]) => `${n}@${v}`).join(", ")}.`,
          );
        history.push(after);
        for (const [name, version] of changed)
          detail(`${name} ${before.get(name)} → ${version} (on the registry as latest; tagged)`);
      },
    );
    await consumer(round.level, `the ${round.level} spec change`);
  }

  const held = new Map();
  for (const name of versions().keys())
    held.set(name, (await registryVersions(registry.url, name)).versions.join(", "));
  const stages = ["first publish", ...ROUNDS.map((round) => `after ${round.level} spec change`)];
  say("\nVersions published to the loopback registry:\n");
  say(versionsTable(stages, history, held).replace(/^/gm, "  "));
});
