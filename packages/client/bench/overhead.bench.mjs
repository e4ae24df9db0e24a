// @ts-check
// Per-request time of `createVoiceClient().GET("/logs")` against raw `fetch` with the same
// headers, on the same local mock server (its CLI, in its own process, so the server's work is
// not on our clock). Bare openapi-fetch (same headers, no wrapper) is shown for reference: it is
// the floor this client is built on. The sides take turns in small batches, many rounds, so a
// busy machine slows all of them alike; each ratio is the median over rounds of client / raw.
// A benchmark, not a test: numbers depend on the machine. Run it after `pnpm build`:
//
//   pnpm --filter @signalwire-voice/client bench
//   node bench/overhead.bench.mjs [--batch 50] [--rounds 60] [--page-size 50] [--json]
//
// --json: the table goes to stderr, and stdout gets one JSON object with every round's µs per
// request of each side, per page size (what scripts/bench.mjs reads).
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import createClient from "openapi-fetch";

// The built package (run `pnpm build` first), typed by its source: typecheck runs without a build.
/** @type {typeof import("../src/index.js")} */
const { createVoiceClient } = await import(new URL("../dist/index.mjs", import.meta.url).href);

const { values } = parseArgs({
  options: {
    batch: { type: "string", default: "50" },
    rounds: { type: "string", default: "60" },
    "page-size": { type: "string", default: "" },
    json: { type: "boolean", default: false },
  },
});
const print = values.json ? console.error : console.log;
const batch = Number(values.batch);
const rounds = Number(values.rounds);
const pageSizes = values["page-size"] ? [Number(values["page-size"])] : [1, 50, 1000];

const cli = createRequire(import.meta.url)
  .resolve("@signalwire-voice/mock-server/package.json")
  .replace(/package\.json$/, "dist/cli.mjs");
const server = spawn(process.execPath, [cli, "--port", "0", "--logs", "10000"], {
  stdio: ["ignore", "pipe", "inherit"],
});
const lines = createInterface({ input: /** @type {import("node:stream").Readable} */ (server.stdout) });
const baseUrl = String((await lines[Symbol.asyncIterator]().next()).value);

const projectId = "test-project";
const token = "test-token";
const client = createVoiceClient({ baseUrl, projectId, token, env: {} });
// What the client sends, so every side sends (and the server answers) the same request.
const headers = {
  accept: "application/json",
  authorization: `Basic ${btoa(`${projectId}:${token}`)}`,
  "user-agent": "signalwire-voice-client/bench",
  "x-attempt": "1",
};
/** @type {import("openapi-fetch").Client<import("@signalwire-voice/types").paths>} */
const bare = createClient({ baseUrl, headers });

/** @param {number} pageSize @returns {Record<string, () => Promise<unknown>>} */
const sides = (pageSize) => ({
  raw: async () => {
    const response = await fetch(`${baseUrl}/logs?page_size=${pageSize}`, { headers });
    if (!response.ok) throw new Error(`raw fetch: ${response.status}`);
    return response.json();
  },
  "openapi-fetch": async () => {
    const { data, response } = await bare.GET("/logs", { params: { query: { page_size: pageSize } } });
    if (!data) throw new Error(`openapi-fetch: ${response.status}`);
    return data;
  },
  client: async () => {
    const { data, response } = await client.GET("/logs", { params: { query: { page_size: pageSize } } });
    if (!data) throw new Error(`client: ${response.status}`);
    return data;
  },
});

/** Mean µs per request over `count` sequential requests. @param {() => Promise<unknown>} call @param {number} count */
async function time(call, count) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) await call();
  return Number(process.hrtime.bigint() - start) / 1e3 / count;
}

/** @param {number[]} values */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** Every round's µs per request, per page size and side: the --json output. */
const report = { node: process.version, rounds, batch, pageSizes: /** @type {unknown[]} */ ([]) };
print(`node ${process.version}; ${rounds} rounds × ${batch} requests per side; mock server ${baseUrl}`);
print("page_size | raw fetch µs/req | openapi-fetch µs/req | client µs/req | client/raw | openapi-fetch/raw");
for (const pageSize of pageSizes) {
  const calls = sides(pageSize);
  const names = Object.keys(calls);
  for (const name of names) await time(/** @type {() => Promise<unknown>} */ (calls[name]), 200); // JIT, sockets
  /** @type {Record<string, number[]>} */
  const times = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    // Rotate who goes first, so drift in the machine's state favours no side.
    for (let turn = 0; turn < names.length; turn++) {
      const name = /** @type {string} */ (names[(round + turn) % names.length]);
      times[name]?.push(await time(/** @type {() => Promise<unknown>} */ (calls[name]), batch));
    }
  }
  report.pageSizes.push({ pageSize, microsecondsPerRequest: times });
  const per = (/** @type {string} */ name) => /** @type {number[]} */ (times[name]);
  const ratio = (/** @type {string} */ name) =>
    median(per(name).map((value, i) => value / (per("raw")[i] ?? 1)));
  print(
    [
      String(pageSize).padStart(9),
      median(per("raw")).toFixed(0).padStart(16),
      median(per("openapi-fetch")).toFixed(0).padStart(20),
      median(per("client")).toFixed(0).padStart(13),
      ratio("client").toFixed(3).padStart(10),
      ratio("openapi-fetch").toFixed(3).padStart(17),
    ].join(" | "),
  );
}
lines.close();
server.kill();
if (values.json) console.log(JSON.stringify(report));
