// @ts-check
// The consumer project's files, as a user would write them: an .npmrc for our scope, scripts
// that import every published package and list logs (ESM and CJS), and typed code for each
// stage that compiles only if the spec change reached the types it should (and no further).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const CLIENT = "@signalwire-voice/client";
const TYPES = "@signalwire-voice/types";

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
export const PROVED = {
  before: 'no `direction` query parameter yet; "joined" is a VoiceLogStatus',
  minor:
    'the new `direction` query parameter is typed (a wrong value is refused); "joined" still a VoiceLogStatus',
  major: '`direction` still typed; "joined" refused as a VoiceLogStatus',
};

/**
 * Writes the consumer project into `dir` (created): its .npmrc sends `scopes` to `url`.
 *
 * @example
 * writeConsumerFiles("/tmp/consumer", { url: "http://127.0.0.1:4873/", scopes: ["@signalwire-voice"], level: "minor" });
 *
 * @param {string} dir
 * @param {{ url: string; scopes: string[]; level: Stage }} options
 */
export function writeConsumerFiles(dir, { url, scopes, level }) {
  mkdirSync(dir, { recursive: true });
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
}
