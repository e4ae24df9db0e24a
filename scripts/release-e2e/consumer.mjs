// @ts-check
// A fresh consumer project, outside the workspace, as a user would have (its files:
// consumer-files.mjs): it installs our published packages from the loopback registry with npm
// (their other dependencies come from npm's usual registry), imports every one of them from ESM
// and from CommonJS, typechecks code that uses what the spec change added or removed, and lists
// logs from the mock server it installed, with the client it installed.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { binPath } from "../lib/npm-tools.mjs";
import { PROVED, writeConsumerFiles } from "./consumer-files.mjs";
import { assertLoopbackRegistry } from "./loopback-registry.mjs";

/** @typedef {import("./consumer-files.mjs").Stage} Stage */

const CLIENT = "@signalwire-voice/client";
const TYPES = "@signalwire-voice/types";
const MOCK = "@signalwire-voice/mock-server";

/**
 * Sets up and checks one consumer project in `dir`.
 *
 * @example
 * await checkConsumer(scope, { dir, registry, versions, tsc, level: "minor", log: console.log });
 *
 * @param {ReturnType<typeof import("./processes.mjs").createScope>} scope
 * @param {object} options
 * @param {string} options.dir a new folder outside the workspace
 * @param {string} options.registry the loopback registry
 * @param {Map<string, string>} options.versions package → exact version to install (all we published)
 * @param {string} options.tsc the TypeScript compiler's bin (tsc) to typecheck with
 * @param {Stage} options.level which stage's typed code to check
 * @param {NodeJS.ProcessEnv} options.env
 * @param {(line: string) => void} options.log
 */
export async function checkConsumer(scope, { dir, registry, versions, tsc, level, env, log }) {
  const url = assertLoopbackRegistry(registry);
  for (const name of [CLIENT, TYPES, MOCK]) {
    if (!versions.has(name)) throw new Error(`The consumer check needs ${name}, which was not published.`);
  }
  const scopes = [...new Set([...versions.keys()].map((name) => name.split("/")[0] ?? name))];
  writeConsumerFiles(dir, { url, scopes, level });

  // A cache of its own: a fresh user, and no metadata cached from an earlier run's registry.
  // `resolved` kept in the lockfile: it is how we see where each package came from.
  const npmEnv = {
    ...env,
    npm_config_cache: join(dir, ".npm-cache"),
    npm_config_update_notifier: "false",
    npm_config_omit_lockfile_registry_resolved: "false",
  };
  const specs = [...versions].map(([name, version]) => `${name}@${version}`);
  await scope.run(
    "npm install (consumer)",
    "npm",
    ["install", "--no-audit", "--no-fund", "--save-exact", ...specs],
    {
      cwd: dir,
      env: npmEnv,
    },
  );
  /** @type {{ packages: Record<string, { version?: string; resolved?: string }> }} */
  const lock = JSON.parse(readFileSync(join(dir, "package-lock.json"), "utf8"));
  for (const [name, version] of versions) {
    const entry = lock.packages[`node_modules/${name}`];
    if (entry?.version !== version || !entry.resolved?.startsWith(url)) {
      throw new Error(
        `The consumer installed ${name}@${entry?.version} from ${entry?.resolved}, not ${version} from ${url}.`,
      );
    }
  }
  log(`installed ${specs.join(", ")} from ${url}`);

  await scope.run("tsc (consumer)", process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: dir, env });
  log(`tsc on typed.mts (ESM) and typed.cts (CJS): ${PROVED[level]}`);

  const mock = await scope.startServer(
    "Mock server",
    binPath(dir, MOCK, "signalwire-voice-mock"),
    ["--port", "0", "--logs", "50"],
    {
      cwd: dir,
      env,
      ready: (line) =>
        /^http:\/\/127\.0\.0\.1:\d+\/api\/voice$/.test(line.trim()) ? line.trim() : undefined,
    },
  );
  try {
    /** @type {{ format: string; loaded: number; logs: number; ids: string[] }[]} */
    const results = [];
    for (const file of ["list.mjs", "list.cjs"]) {
      const { stdout } = await scope.run(
        `node ${file}`,
        process.execPath,
        [file, mock.value, ...versions.keys()],
        {
          cwd: dir,
          env,
        },
      );
      results.push(JSON.parse(stdout.trim().split("\n").pop() ?? "{}"));
    }
    const [esm, cjs] = results;
    if (!esm || !cjs || esm.logs !== 5 || JSON.stringify(esm.ids) !== JSON.stringify(cjs.ids)) {
      throw new Error(`ESM and CJS should each list the same 5 logs; got ${JSON.stringify(results)}.`);
    }
    log(
      `imported all ${esm.loaded} packages from ESM and CJS; both listed 5 logs from the installed mock server (${mock.value}, pid ${mock.pid})`,
    );
  } finally {
    await mock.stop();
  }
}
