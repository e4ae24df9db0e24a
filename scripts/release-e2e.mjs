// @ts-check
// `pnpm release:e2e`: release.yml's release, end to end, on this machine, against a real npm
// registry on loopback, without touching this checkout:
//  1. copy the repo into a temporary folder (release-e2e/workspace-copy.mjs); install, build
//  2. start Verdaccio: 127.0.0.1, a free port, no uplinks, storage in the temp folder
//  3. release the current packages with the two commands of release.yml's changesets/action
//     step, read from the workflow: `version` if changesets are pending, then `publish`
//     (`pnpm release`: changeset publish), to the loopback registry only (release-e2e/publish.mjs).
//     Only --provenance is left out: it needs CI's OIDC token.
//  4. twice, a real upstream spec change (release-e2e/spec-change.mjs): pnpm spec:update → the
//     PR's bump check → `changeset status` plans the bump the change needs → version → install →
//     build → publish → the registry holds the planned versions → a fresh consumer project
//     installs, typechecks and runs them (release-e2e/consumer.mjs)
//  5. print the versions; stop Verdaccio and every command; remove the temp folder.
import { readFileSync } from "node:fs";
import { constants } from "node:os";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import readChangesets from "@changesets/read";
import { repoRoot } from "./lib/apis.mjs";
import { pnpmCommand, requireNode, toolchainDir, toolEnv } from "./lib/bootstrap.mjs";
import { ensureNpmTools } from "./lib/npm-tools.mjs";
import { CommandError, runningCount, tempFolder } from "./release-e2e/commands.mjs";
import { checkConsumer } from "./release-e2e/consumer.mjs";
import { publishRelease, releaseCommands } from "./release-e2e/publish.mjs";
import { packument, startVerdaccio } from "./release-e2e/registry.mjs";
import { playSpecChange, ROUNDS } from "./release-e2e/spec-change.mjs";
import { createWorkspace } from "./release-e2e/workspace.mjs";
import { commitAll, copyWorkspace } from "./release-e2e/workspace-copy.mjs";

const USAGE = "Usage: pnpm release:e2e [--ref <git revision>] [--keep] [--verbose]";
const HELP = `Runs release.yml's release end to end against Verdaccio on 127.0.0.1, in a temporary copy of the repo.
  --ref <rev>   copy that commit instead of the working tree (tracked + untracked, not ignored)
  --keep        leave the temporary folder (processes are stopped either way)
  --verbose     print every command's output`;

/** @type {{ ref?: string | undefined; keep?: boolean | undefined; verbose?: boolean | undefined; help?: boolean | undefined }} */
let options;
try {
  options = parseArgs({
    options: {
      ref: { type: "string" },
      keep: { type: "boolean" },
      verbose: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  }).values;
} catch (error) {
  console.error(`✖ release:e2e: ${/** @type {Error} */ (error).message}\n${USAGE}`);
  process.exit(2);
}
if (options.help) {
  console.log(`${USAGE}\n${HELP}`);
  process.exit(0);
}
requireNode();

const TYPES = "@signalwire-voice/types";
const toolsDir = join(repoRoot, "scripts/release-e2e");
const say = (/** @type {string} */ line) => console.log(line);
const detail = (/** @type {string} */ line) => console.log(`    ${line}`);
const echo = options.verbose
  ? (/** @type {string} */ text) => process.stdout.write(text.replace(/^(?=.)/gm, "    │ "))
  : undefined;
const seconds = (/** @type {number} */ since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
let stepNumber = 0;
/** A numbered, timed step. @template T @param {string} title @param {() => Promise<T> | T} body */
async function step(title, body) {
  stepNumber += 1;
  say(`\n▶ ${stepNumber}. ${title}`);
  const since = Date.now();
  const result = await body();
  say(`✔ ${stepNumber}. ${title} (${seconds(since)})`);
  return result;
}

const temp = tempFolder({ keep: Boolean(options.keep), log: say });
for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM", "SIGHUP"]))
  process.once(signal, () => {
    console.error(`\n✖ release:e2e: ${signal}: stopping every command it started, removing its temp folder.`);
    process.exit(128 + constants.signals[signal]);
  });

const started = Date.now();
/** @type {{ url: string; stop: () => Promise<void> } | undefined} */
let registry;
try {
  const { version, publish } = releaseCommands(
    readFileSync(join(repoRoot, ".github/workflows/release.yml"), "utf8"),
  );
  say(
    `release:e2e: release.yml's \`${version.join(" ")}\` and \`${publish.join(" ")}\` against a registry on loopback (temp folder ${temp}).`,
  );
  await step(
    "Tools: Verdaccio 6.8.0 (npm, scripts/release-e2e) and the pinned pnpm (scripts/toolchain)",
    () => {
      ensureNpmTools(toolsDir, { log: detail });
      pnpmCommand();
    },
  );
  const workspace = createWorkspace({ repo: join(temp, "repo"), bin: join(temp, "bin"), toolchainDir, echo });
  const { repo, versions, build } = workspace;
  await step(
    `Copy the repo (${options.ref ? `commit ${options.ref}` : "working tree: tracked + untracked, not ignored"})`,
    () => {
      const { files, source } = copyWorkspace(repoRoot, repo, { ref: options.ref });
      detail(`${files} files of ${source} → ${relative(temp, repo)}/ (a git repository of its own)`);
    },
  );
  await step("Install (pnpm install --frozen-lockfile --prefer-offline)", () =>
    workspace.pnpmRun("pnpm install", ["install", "--frozen-lockfile", "--prefer-offline"]),
  );
  await step("Build (turbo run build: spec lint → bundle → generate → build)", build);
  detail(`published packages: ${[...versions().keys()].join(", ")}`);

  const server = await step("Start Verdaccio (127.0.0.1, free port, no uplinks, temp storage)", () =>
    startVerdaccio({ dir: join(temp, "registry"), toolsDir }),
  );
  registry = server;
  detail(`${server.url} (pid ${server.pid})`);
  // Versioning rewrites package.json files; the release job installs from the merged Version
  // Packages PR before it builds, and so does this, with the lockfile frozen as there.
  const versionAndBuild = async () => {
    await workspace.run(version.join(" "), version[0] ?? "", version.slice(1));
    await workspace.pnpmRun("pnpm install", ["install", "--frozen-lockfile", "--prefer-offline"]);
    await build();
    commitAll(repo, "Version Packages");
  };
  const userConfig = join(temp, "auth/.npmrc");
  /** @param {Map<string, string>} expected */
  const release = (expected) =>
    publishRelease(workspace, { registry: server.url, userConfig, publish, expected });
  /** @param {import("./release-e2e/consumer.mjs").Stage} stage @param {string} title */
  const consumer = (stage, title) =>
    step(`Fresh consumer of ${title}: npm install, tsc (ESM + CJS), import and list logs`, () =>
      checkConsumer({
        dir: join(temp, `consumer-${stage}`),
        registry: server.url,
        versions: versions(),
        tsc: join(repo, "node_modules/typescript/bin/tsc"),
        stage,
        env: toolEnv,
        log: detail,
      }),
    );

  /** @type {Map<string, string>[]} package → version, after each release */
  const history = [];
  await step(
    `Release the current packages: ${version.join(" ")} if changesets are pending, ${publish.join(" ")}`,
    async () => {
      const pending = await readChangesets(repo);
      if (pending.length > 0) {
        detail(`${pending.length} pending changeset(s): versioned first, as the Version Packages PR does`);
        await versionAndBuild();
      }
      await release(versions());
      history.push(versions());
      detail(`on the registry, tagged: ${[...versions()].map(([name, v]) => `${name}@${v}`).join(", ")}`);
    },
  );
  await consumer("before", "the first release");

  for (const [index, round] of ROUNDS.entries()) {
    const before = versions();
    await step(`Spec change ${index + 1}: ${round.title} → pnpm spec:update → the PR's bump check`, () =>
      playSpecChange(workspace, { round, index, specs: join(temp, "specs"), log: detail }),
    );
    await step(
      `Release the ${round.level} spec change: changeset status → ${version.join(" ")} → install → build → ${publish.join(" ")}`,
      async () => {
        const planFile = join(temp, `plan.${index + 1}.json`);
        await workspace.pnpmRun("changeset status", ["exec", "changeset", "status", "--output", planFile]);
        /** @type {{ releases: { name: string; type: string; newVersion: string }[] }} */
        const plan = JSON.parse(readFileSync(planFile, "utf8"));
        const planned = plan.releases.filter(({ type }) => type !== "none");
        const types = planned.find(({ name }) => name === TYPES);
        if (types?.type !== round.level)
          throw new Error(
            `changeset status plans ${TYPES} ${types?.type ?? "no release"}, expected ${round.level}.`,
          );
        await versionAndBuild();
        const changed = new Map([...versions()].filter(([name, v]) => before.get(name) !== v));
        const want = new Map(planned.map(({ name, newVersion }) => [name, newVersion]));
        if (JSON.stringify([...changed].sort()) !== JSON.stringify([...want].sort()))
          throw new Error(
            `${version.join(" ")} made ${JSON.stringify([...changed])}; changeset status planned ${JSON.stringify([...want])}.`,
          );
        await release(changed);
        history.push(versions());
        for (const { name, type, newVersion } of planned)
          detail(`${name} ${before.get(name)} → ${newVersion} (${type}): on the registry as latest, tagged`);
      },
    );
    await consumer(round.level, `the ${round.level} spec change`);
  }

  say("\nVersions released to the loopback registry (first release → each spec change):\n");
  const width = Math.max(...[...versions().keys()].map((name) => name.length));
  for (const name of versions().keys()) {
    const held = Object.keys((await packument(server.url, name)).versions ?? {}).join(", ");
    say(
      `  ${name.padEnd(width)}  ${history.map((at) => at.get(name)).join(" → ")}   (registry holds ${held})`,
    );
  }
  say(`\n✔ release:e2e passed in ${seconds(started)}.`);
} catch (error) {
  console.error(`\n✖ release:e2e failed after ${seconds(started)}: ${/** @type {Error} */ (error).message}`);
  if (error instanceof CommandError && error.output) console.error(error.output.replace(/^/gm, "    │ "));
  else if (!(error instanceof Error)) console.error(error);
  process.exitCode = 1;
} finally {
  await registry?.stop();
  say(
    `  ${runningCount() === 0 ? "Verdaccio and every command stopped" : `${runningCount()} command(s) still running, stopped on exit`}; ` +
      (options.keep ? `temp folder kept: ${temp}` : "temp folder removed."),
  );
}
