// @ts-check
// `pnpm release:e2e`: the release story, end to end, on this machine, against a real npm
// registry on loopback, without touching this checkout.
//  1. copy the repo into a temporary folder; install (pnpm, frozen lockfile) and build there
//  2. start Verdaccio (no uplinks, 127.0.0.1, a free port, storage in the temp folder)
//  3. publish the current packages (`changeset publish`)
//  4. twice, a real upstream spec change, each through the whole pipeline:
//     a new optional query parameter (→ minor), then a value removed from a response enum (→ major):
//     `pnpm spec:update <file>` (lint, bundle, generate, diff, changeset) → the PR's bump check
//     → `changeset version` → build → `changeset publish` → the registry holds the new versions
//     → a fresh consumer project installs them, imports them (ESM and CJS), typechecks against
//     them and lists logs from the mock server it installed
//  5. print the versions it published; stop Verdaccio and every child; remove the temp folder.
// Publishing goes only to the loopback registry (scripts/release-e2e/loopback-registry.mjs).
// Options: --ref <git revision> (copy that commit instead of the working tree), --keep (leave
// the temp folder for a look), --verbose (print every command's output).
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { checkChangesetBump, parseChangeset } from "./check-changeset-bump.mjs";
import { repoRoot } from "./lib/apis.mjs";
import { requireNode, toolEnv } from "./lib/bootstrap.mjs";
import { ensureNpmTools } from "./lib/npm-tools.mjs";
import { checkConsumer } from "./release-e2e/consumer.mjs";
import { publishToLoopback } from "./release-e2e/loopback-registry.mjs";
import { linkPnpm } from "./release-e2e/pnpm-bin.mjs";
import { CommandError, createScope } from "./release-e2e/processes.mjs";
import { expectOnRegistry, registryVersions } from "./release-e2e/registry-client.mjs";
import { bumpVersion, formatTable, levelOf } from "./release-e2e/report.mjs";
import { addQueryParameter, removeEnumValue } from "./release-e2e/spec-edits.mjs";
import { startVerdaccio } from "./release-e2e/verdaccio.mjs";
import { commitAll, copyWorkspace, gitTags } from "./release-e2e/workspace-copy.mjs";
import { pendingChangesets, publishablePackages } from "./release-plan.mjs";

const TYPES = "@signalwire-voice/types";
const toolsDir = join(repoRoot, "scripts/release-e2e");

const USAGE = "Usage: pnpm release:e2e [--ref <git revision>] [--keep] [--verbose]";

/** @param {string[]} argv */
function parseArgs(argv) {
  const options = { ref: /** @type {string | undefined} */ (undefined), keep: false, verbose: false };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    const value = argv[index + 1];
    if (arg === "--help" || arg === "-h") {
      console.log(`${USAGE}\n${HELP}`);
      process.exit(0);
    } else if (arg === "--keep") options.keep = true;
    else if (arg === "--verbose") options.verbose = true;
    else if (arg === "--ref" && value && !value.startsWith("--")) {
      options.ref = value;
      index += 1;
    } else {
      console.error(
        `✖ release:e2e: ${arg === "--ref" ? "--ref needs a git revision" : `unknown argument ${arg}`}.\n${USAGE}`,
      );
      process.exit(2);
    }
  }
  return options;
}

const HELP = `Runs the release end to end against Verdaccio on 127.0.0.1, in a temporary copy of the repo.
  --ref <rev>   copy that commit instead of the working tree (tracked + untracked, not ignored)
  --keep        leave the temporary folder (processes are stopped either way)
  --verbose     print every command's output`;

/** The spec changes played, in order, with the bump each must produce. */
const ROUNDS = /** @type {const} */ ([
  {
    level: "minor",
    title: "a new optional query parameter (GET /logs `direction`)",
    edit: (/** @type {string} */ spec) =>
      addQueryParameter(spec, {
        path: "/logs",
        method: "get",
        name: "direction",
        description: "Only logs in this direction.",
        schemaRef: "#/components/schemas/VoiceDirection",
      }),
  },
  {
    level: "major",
    title: 'a value removed from a response enum (VoiceLogStatus "joined")',
    edit: (/** @type {string} */ spec) => removeEnumValue(spec, "VoiceLogStatus", "joined"),
  },
]);

const options = parseArgs(process.argv.slice(2));
requireNode();
const started = Date.now();
const scope = createScope();
const seconds = (/** @type {number} */ since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const say = (/** @type {string} */ line) => console.log(line);
const detail = (/** @type {string} */ line) => console.log(`    ${line}`);
const echo = options.verbose
  ? (/** @type {string} */ text) => process.stdout.write(text.replace(/^(?=.)/gm, "    │ "))
  : undefined;
let stepNumber = 0;
/**
 * @template T
 * @param {string} title @param {() => Promise<T> | T} body
 * @returns {Promise<T>}
 */
async function step(title, body) {
  stepNumber += 1;
  say(`\n▶ ${stepNumber}. ${title}`);
  const since = Date.now();
  const result = await body();
  say(`✔ ${stepNumber}. ${title} (${seconds(since)})`);
  return result;
}

let stopping = false;
for (const [signal, code] of /** @type {const} */ ([
  ["SIGINT", 130],
  ["SIGTERM", 143],
  ["SIGHUP", 129],
])) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.error(
      `\n✖ release:e2e: ${signal}: stopping Verdaccio and every command it started, removing its temp folder…`,
    );
    void scope.close().finally(() => process.exit(code));
  });
}

removeStaleFolders();
const temp = mkdtempSync(join(tmpdir(), "release-e2e-"));
// Who owns it: a run killed outright (SIGKILL) cannot clean up; the next run removes its folder.
writeFileSync(join(temp, ".owner-pid"), String(process.pid));
if (!options.keep) scope.addFolder(temp);
try {
  await main();
  say(`\n✔ release:e2e passed in ${seconds(started)}.`);
} catch (error) {
  console.error(`\n✖ release:e2e failed after ${seconds(started)}: ${/** @type {Error} */ (error).message}`);
  if (error instanceof CommandError && error.output) console.error(error.output.replace(/^/gm, "    │ "));
  else if (!(error instanceof Error) || !error.message) console.error(error);
  process.exitCode = 1;
} finally {
  await scope.close();
  say(
    options.keep
      ? `  Processes stopped; temp folder kept: ${temp}`
      : "  Verdaccio and every process it started are stopped; temp folder removed.",
  );
}

/** Removes the temp folders of earlier runs that were killed outright (their owner is gone). */
function removeStaleFolders() {
  for (const entry of readdirSync(tmpdir())) {
    if (!entry.startsWith("release-e2e-")) continue;
    const folder = join(tmpdir(), entry);
    const owner = Number(readFileIfAny(join(folder, ".owner-pid")));
    if (!Number.isInteger(owner) || owner <= 0 || isRunning(owner)) continue;
    rmSync(folder, { recursive: true, force: true });
    say(`  removed ${folder}, left by a run that was killed (pid ${owner})`);
  }
}

/** @param {string} path */
function readFileIfAny(path) {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}

/** Signal 0 only asks whether the process exists. @param {number} pid */
function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === "EPERM";
  }
}

async function main() {
  say(`release:e2e: the release story against a registry on loopback (temp folder ${temp}).`);
  const repo = join(temp, "repo");

  await step("Tools: Verdaccio 6.8.0 and pnpm 12.4.2 (npm, scripts/release-e2e)", () =>
    ensureNpmTools(toolsDir, { log: detail }),
  );
  // Our pnpm first on PATH: changesets runs `pnpm publish` by name, turbo runs scripts with it.
  const pnpmBin = linkPnpm(toolsDir, join(temp, "bin"));
  const env = { ...toolEnv, PATH: `${join(temp, "bin")}:${process.env.PATH ?? ""}` };
  const pnpm = { command: pnpmBin, prefix: /** @type {string[]} */ ([]) };
  /** @param {string} title @param {string[]} args @param {string} [cwd] */
  const pnpmRun = (title, args, cwd = repo) =>
    scope.run(title, pnpm.command, [...pnpm.prefix, ...args], { cwd, env, ...(echo && { echo }) });
  const build = () =>
    scope.run("build", join(repo, "node_modules/.bin/turbo"), ["run", "build", "--output-logs=errors-only"], {
      cwd: repo,
      env,
      ...(echo && { echo }),
    });

  await step(
    `Copy the repo (${options.ref ? `commit ${options.ref}` : "working tree: tracked + untracked, not ignored"})`,
    () => {
      const { files, source } = copyWorkspace(repoRoot, repo, { ref: options.ref });
      detail(`${files} files of ${source} → ${relative(temp, repo)}/ (a git repository of its own)`);
    },
  );
  await step("Install (pnpm install --frozen-lockfile --prefer-offline)", () =>
    pnpmRun("pnpm install", ["install", "--frozen-lockfile", "--prefer-offline"]),
  );
  await step("Build (turbo run build: spec lint → bundle → generate → build)", build);

  const packages = publishablePackages(repo, pnpm).map((entry) => ({
    ...entry,
    manifest: JSON.parse(readFileSync(join(entry.dir, "package.json"), "utf8")),
  }));
  if (!packages.some((entry) => entry.name === TYPES))
    throw new Error(`${TYPES} is not a published package of the workspace.`);
  const scopes = [...new Set(packages.map(({ name }) => name.split("/")[0] ?? name))];
  detail(`published packages: ${packages.map(({ name }) => name).join(", ")}`);

  const registry = await step(
    "Start Verdaccio (127.0.0.1, free port, no uplinks, temp storage)",
    async () => {
      const server = await startVerdaccio(scope, { dir: join(temp, "registry"), toolsDir, scopes });
      detail(`${server.url} (pid ${server.pid})`);
      return server;
    },
  );

  const versions = () => new Map(publishablePackages(repo, pnpm).map(({ name, version }) => [name, version]));
  const publish = async () => {
    const fresh = publishablePackages(repo, pnpm).map((entry) => ({
      name: entry.name,
      manifest: JSON.parse(readFileSync(join(entry.dir, "package.json"), "utf8")),
    }));
    await publishToLoopback({
      registry: registry.url,
      cwd: repo,
      userConfig: join(temp, "auth/.npmrc"),
      packages: fresh,
      pnpm,
      run: (title, command, args, runOptions) =>
        scope.run(title, command, args, { ...runOptions, ...(echo && { echo }) }),
      baseEnv: env,
    });
  };
  /** @type {Map<string, string>[]} */
  const history = [];
  await step("Publish the current packages (changeset publish)", async () => {
    const pending = pendingChangesets(join(repo, ".changeset"));
    if (pending.length > 0) {
      // As on main: pending changesets are versioned (the Version Packages PR) before a publish.
      detail(`${pending.length} pending changeset(s) first: changeset version, build`);
      await pnpmRun("changeset version", ["exec", "changeset", "version"]);
      await build();
      commitAll(repo, "Version Packages");
    }
    await publish();
    await expectOnRegistry(registry.url, versions());
    history.push(versions());
    detail(`on the registry: ${[...versions()].map(([name, version]) => `${name}@${version}`).join(", ")}`);
  });

  /** @param {import("./release-e2e/consumer.mjs").Stage} stage @param {string} title */
  const consumer = (stage, title) =>
    step(`Fresh consumer of ${title}: npm install, ESM + CJS, tsc, logs from the mock server`, () =>
      checkConsumer(scope, {
        dir: join(temp, `consumer-${stage}`),
        registry: registry.url,
        versions: versions(),
        tsc: join(repo, "node_modules/typescript/bin/tsc"),
        level: stage,
        env: toolEnv,
        log: detail,
      }),
    );
  await consumer("before", "the first publish");

  for (const [index, round] of ROUNDS.entries()) {
    const before = versions();
    const label = `${round.level} spec change`;
    await step(`Spec change ${index + 1}: ${round.title} → pnpm spec:update`, async () => {
      const specs = join(temp, "specs");
      mkdirSync(specs, { recursive: true });
      const previous = join(specs, `voice.${index}.yaml`);
      const next = join(specs, `voice.${index + 1}.yaml`);
      copyFileSync(join(repo, "spec/voice.yaml"), previous);
      writeFileSync(next, round.edit(readFileSync(previous, "utf8")));
      const update = await pnpmRun("pnpm spec:update", ["spec:update", next]);
      const bump = /Bump: (\w+)\./.exec(update.stdout)?.[1];
      if (bump !== round.level)
        throw new Error(`spec:update rated the change ${bump}, expected ${round.level}.\n${update.stdout}`);
      const written = pendingChangesets(join(repo, ".changeset"));
      if (written.length !== 1)
        throw new Error(
          `Expected spec:update to write one changeset; found ${written.map((file) => relative(repo, file)).join(", ") || "none"}.`,
        );
      const changesetPath = /** @type {string} */ (written[0]);
      const changeset = parseChangeset({
        path: relative(repo, changesetPath),
        text: readFileSync(changesetPath, "utf8"),
      });
      detail(
        `spec:update: Bump: ${bump}; wrote ${changeset.path}: ${[...changeset.releases].map(([name, level]) => `${name} ${level}`).join(", ")}`,
      );

      // The PR check, on this change: spec-diff's JSON against the changeset just written.
      const report = join(specs, `report.${index + 1}.json`);
      await pnpmRun("pnpm spec-diff", [
        "--silent",
        "spec-diff",
        "--base",
        previous,
        "--head",
        "spec/voice.yaml",
        "--format",
        "json",
        "--output",
        report,
      ]);
      /** @type {{ bump: "none" | "patch" | "minor" | "major" }} */
      const diff = JSON.parse(readFileSync(report, "utf8"));
      const verdict = checkChangesetBump({ required: diff.bump, changesets: [changeset] });
      if (!verdict.ok) throw new Error(verdict.message);
      const weaker = checkChangesetBump({
        required: diff.bump,
        changesets: [{ path: "weaker.md", releases: new Map([[TYPES, /** @type {const} */ ("patch")]]) }],
      });
      if (weaker.ok)
        throw new Error(`The bump check accepted a patch changeset for a ${diff.bump} spec change.`);
      detail(
        `PR check (check-changeset-bump on spec-diff's JSON): ${verdict.message.replace(/^✔ /, "")} A patch changeset fails it.`,
      );
      commitAll(repo, `spec: ${round.title}`);
    });

    await step(`Release the ${label}: changeset version → build → changeset publish`, async () => {
      await pnpmRun("changeset version", ["exec", "changeset", "version"]);
      const after = versions();
      const expected = bumpVersion(/** @type {string} */ (before.get(TYPES)), round.level);
      if (after.get(TYPES) !== expected)
        throw new Error(
          `changeset version made ${TYPES} ${after.get(TYPES)}, expected ${expected} (${round.level}).`,
        );
      await build();
      commitAll(repo, "Version Packages");
      await publish();
      const changed = new Map([...after].filter(([name, version]) => before.get(name) !== version));
      await expectOnRegistry(registry.url, changed);
      const tags = gitTags(repo);
      const untagged = [...changed].filter(([name, version]) => !tags.includes(`${name}@${version}`));
      if (untagged.length > 0)
        throw new Error(`changeset publish did not tag ${untagged.map(([n, v]) => `${n}@${v}`).join(", ")}.`);
      history.push(after);
      for (const [name, version] of changed)
        detail(`${name} ${before.get(name)} → ${version} (on the registry as latest; tagged)`);
    });

    await consumer(round.level, `the ${label}`);
  }

  const names = [...(history[0]?.keys() ?? [])];
  const held = await Promise.all(
    names.map(async (name) => (await registryVersions(registry.url, name)).versions.join(", ")),
  );
  say("\nVersions published to the loopback registry:\n");
  say(
    formatTable([
      [
        "package",
        "first publish",
        ...ROUNDS.map((round) => `after ${round.level} spec change`),
        "registry holds",
      ],
      ...names.map((name, row) => [
        name,
        ...history.map((versionsAt, stage) => {
          const version = versionsAt.get(name) ?? "-";
          const previous = history[stage - 1]?.get(name);
          return previous && previous !== version ? `${version} (${levelOf(previous, version)})` : version;
        }),
        held[row] ?? "",
      ]),
    ])
      .split("\n")
      .map((line) => `  ${line}`)
      .join("\n"),
  );
}
