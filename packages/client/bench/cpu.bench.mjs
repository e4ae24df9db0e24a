// @ts-check
// CPU time per request of `createVoiceClient().GET("/logs")` over bare openapi-fetch, both
// calling the mock server's fetch handler in this process: no sockets, so little noise, and the
// difference is what the client itself costs (auth, input checks, redirects, the body read within
// its size limit, retries' bookkeeping). The handler alone (`raw`) is shown for reference. The
// sides take turns in small batches, many rounds; each figure is process CPU (user + system)
// over the batch. A benchmark, not a test. Run it after `pnpm build`:
//
//   pnpm --filter @signalwire-voice/client bench (after overhead.bench.mjs)
//   node bench/cpu.bench.mjs [--batch 500] [--rounds 30] [--page-size 50] [--json]
//
// --json: the table goes to stderr, and stdout gets one JSON object with every round's CPU µs per
// request of each side, per page size (what scripts/bench.mjs reads).
import { parseArgs } from "node:util";
import { createMockServer } from "@signalwire-voice/mock-server";
import createClient from "openapi-fetch";

/** @type {typeof import("../src/index.js")} */
const { createVoiceClient } = await import(new URL("../dist/index.mjs", import.meta.url).href);

const { values } = parseArgs({
  options: {
    batch: { type: "string", default: "500" },
    rounds: { type: "string", default: "30" },
    "page-size": { type: "string", default: "" },
    json: { type: "boolean", default: false },
  },
});
const print = values.json ? console.error : console.log;
const batch = Number(values.batch);
const rounds = Number(values.rounds);
const pageSizes = values["page-size"] ? [Number(values["page-size"])] : [1, 50, 1000];

const server = createMockServer({ logs: 10_000 });
const handler = (/** @type {Request} */ request) => server.fetch(request);
const baseUrl = "http://mock.test/api/voice";
const projectId = "test-project";
const token = "test-token";
const client = createVoiceClient({ baseUrl, projectId, token, env: {}, fetch: handler });
// What the client sends, so every side sends (and the handler answers) the same request.
const headers = {
  accept: "application/json",
  authorization: `Basic ${btoa(`${projectId}:${token}`)}`,
  "user-agent": "signalwire-voice-client/bench",
  "x-attempt": "1",
};
/** @type {import("openapi-fetch").Client<import("@signalwire-voice/types").paths>} */
const bare = createClient({ baseUrl, headers, fetch: handler });

/** @param {number} pageSize @returns {Record<string, () => Promise<unknown>>} */
const sides = (pageSize) => ({
  raw: async () => (await handler(new Request(`${baseUrl}/logs?page_size=${pageSize}`, { headers }))).json(),
  "openapi-fetch": async () => {
    const { data } = await bare.GET("/logs", { params: { query: { page_size: pageSize } } });
    if (!data) throw new Error("openapi-fetch: no data");
    return data;
  },
  client: async () => {
    const { data } = await client.GET("/logs", { params: { query: { page_size: pageSize } } });
    if (!data) throw new Error("client: no data");
    return data;
  },
});

/** Process CPU µs per request over `count` sequential requests. @param {() => Promise<unknown>} call @param {number} count */
async function cpu(call, count) {
  const start = process.cpuUsage();
  for (let i = 0; i < count; i++) await call();
  const { user, system } = process.cpuUsage(start);
  return (user + system) / count;
}

/** @param {number[]} values */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

const report = { node: process.version, rounds, batch, pageSizes: /** @type {unknown[]} */ ([]) };
print(`node ${process.version}; ${rounds} rounds; CPU µs per request, in process (the mock's fetch handler)`);
print("page_size | handler alone | openapi-fetch | client | client − openapi-fetch");
for (const pageSize of pageSizes) {
  const calls = sides(pageSize);
  const names = Object.keys(calls);
  // 1000-log pages cost ~100× a 1-log page: fewer requests a turn.
  const count = pageSize >= 1000 ? Math.max(5, Math.round(batch / 20)) : batch;
  for (const name of names) await cpu(/** @type {() => Promise<unknown>} */ (calls[name]), count * 2); // JIT
  /** @type {Record<string, number[]>} */
  const times = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    // Rotate who goes first, so drift in the machine's state favours no side.
    for (let turn = 0; turn < names.length; turn++) {
      const name = /** @type {string} */ (names[(round + turn) % names.length]);
      times[name]?.push(await cpu(/** @type {() => Promise<unknown>} */ (calls[name]), count));
    }
  }
  report.pageSizes.push({ pageSize, cpuMicrosecondsPerRequest: times });
  const per = (/** @type {string} */ name) => /** @type {number[]} */ (times[name]);
  const over = median(per("client").map((value, i) => value - (per("openapi-fetch")[i] ?? 0)));
  print(
    [
      String(pageSize).padStart(9),
      median(per("raw")).toFixed(1).padStart(13),
      median(per("openapi-fetch")).toFixed(1).padStart(13),
      median(per("client")).toFixed(1).padStart(6),
      over.toFixed(1).padStart(22),
    ].join(" | "),
  );
}
if (values.json) console.log(JSON.stringify(report));
