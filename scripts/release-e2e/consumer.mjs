// @ts-check
// A fresh consumer project, outside the workspace, as a user would have: it installs our
// published packages from the loopback registry with npm (their other dependencies come from
// npm's usual registry), imports every one of them from ESM and from CommonJS, typechecks code
// that uses what the spec change added or removed, and lists logs from the mock server it
// installed, with the client it installed.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { binPath } from "../lib/npm-tools.mjs";
import { assertLoopbackRegistry } from "./loopback-registry.mjs";

const CLIENT = "@signalwire-voice/client";
const TYPES = "@signalwire-voice/types";
const MOCK = "@signalwire-voice/mock-server";

/** Lists logs with the installed client from the installed mock server, after importing every package. */
const RUNTIME = (/** @type {"esm" | "cjs"} */ format) => `${
  format === "esm"
    ? `import { createVoiceClient, unwrap } from "${CLIENT}";\nconst load = (name) => import(name);`
    : `const { createVoiceClient, unwrap } = require("${CLIENT}");\nconst load = async (name) => require(name);`
}
const [baseUrl, ...names] = process.argv.slice(2);
(async () => {
  // Every published package loads in this module system (types has no runtime, but must resolve).
  for (const name of names) await load(name);
  const client = createVoiceClient({ baseUrl, projectId: "test-project", token: "test-token", maxRetries: 0 });
  const page = unwrap(await client.GET("/logs", { params: { query: { page_size: 5, direction: "inbound" } } }));
  console.log(JSON.stringify({ format: "${format}", loaded: names.length, logs: page.data.length, ids: page.data.map((log) => log.id) }));
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
`;

/**
 * Typed code for each stage: before the spec changes the `direction` query parameter is refused;
 * after the minor one it is accepted and checked; after the major one "joined" is no longer a
 * VoiceLogStatus. Each expectation fails tsc when it does not hold (`@ts-expect-error` included).
 * @param {Stage} stage
 */
const TYPED = (stage) => `import { createVoiceClient } from "${CLIENT}";
import type { ListVoiceLogsQuery, VoiceLogStatus } from "${TYPES}";

${
  stage === "before"
    ? `// @ts-expect-error no \`direction\` query parameter before the minor spec change
export const query: ListVoiceLogsQuery = { direction: "inbound", page_size: 10 };`
    : `// The query parameter of the minor spec change, typed from the spec through both packages.
export const query: ListVoiceLogsQuery = { direction: "inbound", page_size: 10 };
// @ts-expect-error "sideways" is not a VoiceDirection
export const wrong: ListVoiceLogsQuery = { direction: "sideways" };

export async function outbound(baseUrl: string): Promise<number> {
  const client = createVoiceClient({ baseUrl, projectId: "test-project", token: "test-token" });
  const { data, error } = await client.GET("/logs", { params: { query: { direction: "outbound-api" } } });
  return error ? -1 : data.data.length;
}`
}

${
  stage === "major"
    ? '// @ts-expect-error "joined" left VoiceLogStatus in the major spec change\nexport const joined: VoiceLogStatus = "joined";'
    : '// Still a status until the major spec change removes it.\nexport const joined: VoiceLogStatus = "joined";'
}
export const client = createVoiceClient({ baseUrl: "http://127.0.0.1:4010/api/voice", projectId: "p", token: "t" });
`;

/** @typedef {"before" | "minor" | "major"} Stage */
/** What the typecheck proved, per stage. @type {Record<Stage, string>} */
const PROVED = {
  before: 'no `direction` query parameter yet; "joined" is a VoiceLogStatus',
  minor:
    'the new `direction` query parameter is typed (a wrong value is refused); "joined" still a VoiceLogStatus',
  major: '`direction` still typed; "joined" refused as a VoiceLogStatus',
};

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
  mkdirSync(dir, { recursive: true });
  const scopes = [...new Set([...versions.keys()].map((name) => name.split("/")[0]))];
  writeFileSync(
    join(dir, ".npmrc"),
    `${scopes.map((scopeName) => `${scopeName}:registry=${url}`).join("\n")}\n`,
  );
  writeFileSync(
    join(dir, "package.json"),
    `${JSON.stringify({ name: "release-e2e-consumer", version: "1.0.0", private: true }, null, 2)}\n`,
  );
  writeFileSync(join(dir, "list.mjs"), RUNTIME("esm"));
  writeFileSync(join(dir, "list.cjs"), RUNTIME("cjs"));
  writeFileSync(join(dir, "typed.mts"), TYPED(level));
  // The same code as CommonJS: resolved through the packages' `require` conditions (.d.cts).
  writeFileSync(join(dir, "typed.cts"), TYPED(level));
  writeFileSync(
    join(dir, "tsconfig.json"),
    `${JSON.stringify(
      {
        compilerOptions: {
          strict: true,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          module: "nodenext",
          moduleResolution: "nodenext",
          target: "es2022",
          lib: ["es2022", "dom"],
          types: [],
          noEmit: true,
          skipLibCheck: false,
        },
        files: ["typed.mts", "typed.cts"],
      },
      null,
      2,
    )}\n`,
  );

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
