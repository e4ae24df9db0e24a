// @ts-check
// A fresh consumer project, outside the workspace, as a user would have: it installs exactly the
// versions we published, from the loopback registry, with npm (their own dependencies come from
// npm's usual registry); typechecks code that compiles only if the spec change reached the types
// (and no further), as ESM and as CommonJS; imports every package from ESM and from CommonJS; and
// calls the three operations (list, get by id, events) with the client it installed on the mock
// server it installed.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { binPath } from "../lib/npm-tools.mjs";
import { run, startServer } from "./commands.mjs";

/** @typedef {"before" | "minor" | "major"} Stage */

const CLIENT = "@signalwire-voice/client";
const CLI = "@signalwire-voice/cli";

/**
 * Loads every package given, then calls the three operations with the installed client: lists 5
 * logs, gets the first by id, and lists its events. @param {"esm" | "cjs"} format
 */
const listLogs = (format) => `${
  format === "esm"
    ? `import { createVoiceClient, unwrap } from "${CLIENT}";\nconst load = (name) => import(name);`
    : `const { createVoiceClient, unwrap } = require("${CLIENT}");\nconst load = async (name) => require(name);`
}
const [baseUrl, ...names] = process.argv.slice(2);
(async () => {
  for (const name of names) await load(name);
  const client = createVoiceClient({ baseUrl, projectId: "test-project", token: "test-token", maxRetries: 0 });
  const page = unwrap(await client.GET("/logs", { params: { query: { page_size: 5, direction: "inbound" } } }));
  const path = { id: page.data[0].id };
  const log = unwrap(await client.GET("/logs/{id}", { params: { path } }));
  const events = unwrap(await client.GET("/logs/{id}/events", { params: { path } })).data;
  const same = JSON.stringify(log) === JSON.stringify(page.data[0]) && events.every((event) => event.log_id === log.id);
  console.log(JSON.stringify({ loaded: names.length, ids: page.data.map((log) => log.id), same, events: events.length }));
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
`;

/** What each stage's typed code proves; a wrong expectation fails tsc (`@ts-expect-error` included). @type {Record<Stage, string>} */
const PROVED = {
  before: 'no `direction` query parameter yet; "joined" is a VoiceLogStatus',
  minor:
    'the new `direction` query parameter is typed (a wrong value is refused); "joined" still a VoiceLogStatus',
  major: '`direction` still typed; "joined" refused as a VoiceLogStatus',
};

/** @param {Stage} stage */
const typed = (stage) => `import { createVoiceClient } from "${CLIENT}";
import type { ListVoiceLogsQuery, VoiceLogStatus } from "@signalwire-voice/types";
${
  stage === "before"
    ? "// @ts-expect-error no `direction` query parameter before the minor spec change\n"
    : '// @ts-expect-error "sideways" is not a VoiceDirection\nexport const wrong: ListVoiceLogsQuery = { direction: "sideways" };\n' +
      'export const outbound = () => client.GET("/logs", { params: { query: { direction: "outbound-api" } } });\n'
}export const query: ListVoiceLogsQuery = { direction: "inbound", page_size: 10 };
${stage === "major" ? '// @ts-expect-error "joined" left VoiceLogStatus in the major spec change\n' : ""}export const joined: VoiceLogStatus = "joined";
export const client = createVoiceClient({ baseUrl: "http://127.0.0.1:4010/api/voice", projectId: "p", token: "t" });
`;

/** A user's strictest settings, both module systems. */
const TSCONFIG = `{ "files": ["typed.mts", "typed.cts"], "compilerOptions": { "strict": true, "exactOptionalPropertyTypes": true,
  "noUncheckedIndexedAccess": true, "module": "nodenext", "target": "es2022", "lib": ["es2022", "dom"], "types": [], "noEmit": true } }`;

/**
 * Sets up and checks one consumer project in `dir` (a new folder outside the workspace).
 *
 * @example
 * await checkConsumer({ dir, registry, versions, tsc, stage: "minor", env, log: console.log });
 *
 * @param {{ dir: string; registry: string; versions: Map<string, string>; tsc: string; stage: Stage; env: NodeJS.ProcessEnv; log: (line: string) => void }} options
 */
export async function checkConsumer({ dir, registry, versions, tsc, stage, env, log }) {
  mkdirSync(dir, { recursive: true });
  const files = {
    ".npmrc": [
      ...new Set([...versions.keys()].map((name) => `${name.split("/")[0]}:registry=${registry}\n`)),
    ].join(""),
    "list.mjs": listLogs("esm"),
    "list.cjs": listLogs("cjs"),
    "typed.mts": typed(stage),
    "typed.cts": typed(stage), // the same code, resolved through the `require` conditions (.d.cts)
    "tsconfig.json": TSCONFIG,
  };
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);

  // A cache of its own: no metadata cached from an earlier run's registry. `resolved` is kept
  // in the lockfile: it says where each package came from.
  const npmEnv = {
    ...env,
    npm_config_cache: join(dir, ".npm-cache"),
    npm_config_omit_lockfile_registry_resolved: "false",
  };
  const specs = [...versions].map(([name, version]) => `${name}@${version}`);
  await run(
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
    if (entry?.version !== version || !entry.resolved?.startsWith(registry))
      throw new Error(
        `The consumer installed ${name}@${entry?.version} from ${entry?.resolved}, not ${version} from ${registry}.`,
      );
  }
  log(`installed ${specs.join(", ")} from ${registry}`);

  await run("tsc (consumer)", process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: dir, env });
  log(`tsc on typed.mts (ESM) and typed.cts (CJS): ${PROVED[stage]}`);

  const mockBin = binPath(dir, "@signalwire-voice/mock-server", "signalwire-voice-mock");
  const mock = await startServer("Mock server", mockBin, ["--port", "0", "--logs", "50"], {
    cwd: dir,
    env,
    log: join(dir, "mock-server.log"),
    ready: (text) => /^http:\/\/127\.0\.0\.1:\d+\/api\/voice$/m.exec(text)?.[0],
  });
  try {
    const results = [];
    for (const file of ["list.mjs", "list.cjs"]) {
      const { stdout } = await run(`node ${file}`, process.execPath, [file, mock.value, ...versions.keys()], {
        cwd: dir,
        env,
      });
      results.push(stdout.trim().split("\n").pop());
    }
    const [esm, cjs] = results;
    const listed = JSON.parse(esm ?? "{}");
    if (esm !== cjs || listed.ids?.length !== 5 || !listed.same || !(listed.events > 0))
      throw new Error(
        `ESM and CJS should each load every package, list the same 5 logs, get the first by id (the same content) and its events; got ${results.join(" and ")}.`,
      );
    log(
      `imported all ${versions.size} packages from ESM and CJS; both listed the same 5 logs from the installed mock server, got the first by id and its ${listed.events} events`,
    );
    if (versions.has(CLI)) await checkCli(dir, mock.value, env, log);
  } finally {
    await mock.stop();
  }
}

/**
 * The installed `signalwire-voice` bin exports the installed mock server's 50 logs to CSV, as a
 * user's shell would run it: credentials from the environment, four workers.
 *
 * @param {string} dir @param {string} baseUrl @param {NodeJS.ProcessEnv} env @param {(line: string) => void} log
 */
async function checkCli(dir, baseUrl, env, log) {
  const bin = binPath(dir, CLI, "signalwire-voice");
  const args = ["logs", "export", "--since", "2025-01-01", "--until", "2026-01-02", "--format", "csv"];
  await run("signalwire-voice logs export", bin, [...args, "--out", "logs.csv", "--quiet"], {
    cwd: dir,
    env: {
      ...env,
      SIGNALWIRE_BASE_URL: baseUrl,
      SIGNALWIRE_PROJECT_ID: "test-project",
      SIGNALWIRE_API_TOKEN: "test-token",
    },
  });
  const rows = readFileSync(join(dir, "logs.csv"), "utf8").trimEnd().split("\r\n");
  const state = JSON.parse(readFileSync(join(dir, "logs.csv.state.json"), "utf8"));
  if (!rows[0]?.startsWith("id,type,created_at,") || rows.length !== 51 || state.done !== true)
    throw new Error(
      `signalwire-voice logs export should write a header and the mock's 50 logs; got ${rows.length} rows.`,
    );
  log("signalwire-voice logs export (the installed bin) wrote the installed mock server's 50 logs to CSV");
}
