// @ts-check
// The CPU cost, per 1000-log page, of the client's opt-in contract entry points: Date revival
// (`withDates` from @signalwire-voice/client/dates) and response validation (`checkResponse` from
// @signalwire-voice/client/validation, Ajv's standalone code), beside zod validating the same
// pages with the schemas `redocly generate-client` makes (src/generated/voice.zod.mjs), and
// `JSON.parse` of the page for scale. The pages are real: the mock server's first 1000 logs,
// without and with `include_deleted`, fetched once.
//
// `withDates` revives in place, so each call gets a page of its own, parsed just before it (as a
// GET parses it just before reviving) and outside the timing: `withDates` over a client whose GET
// answers that page, so what is timed is the revival (and `withDates`' own few promises), not the
// parse. Through the real client (its fetch answering the page's text, no server),
// `withDates(client).GET` and `client.GET` are timed too: what a caller sees, though the
// difference of two such figures is noisier. The validators only read the page, so they check
// one parsed copy over and over. The sides take turns in batches, many rounds; each figure is
// process CPU (user + system) over the batch. A benchmark, not a test. // Run it after `pnpm build`:
//
//   node src/contract.bench.mjs [--batch 20] [--rounds 30] [--json]
//
// --json: the table goes to stderr, and stdout gets one JSON object with every round's CPU µs per
// page of each side, per page (what contract.mjs reads).
import { parseArgs } from "node:util";
import { createVoiceClient } from "@signalwire-voice/client";
import { withDates } from "@signalwire-voice/client/dates";
import { checkResponse } from "@signalwire-voice/client/validation";
import { createMockServer } from "@signalwire-voice/mock-server";
import { LogListResponseSchema } from "./generated/voice.zod.mjs";

const { values } = parseArgs({
  options: {
    batch: { type: "string", default: "20" },
    rounds: { type: "string", default: "30" },
    json: { type: "boolean", default: false },
  },
});
const print = values.json ? console.error : console.log;
const batch = Number(values.batch);
const rounds = Number(values.rounds);

const server = createMockServer({ logs: 10_000 });
const authorization = `Basic ${btoa("test-project:test-token")}`;
/** @param {string} query */
async function pageText(query) {
  const url = `http://mock.test/api/voice/logs?page_size=1000${query}`;
  const response = await server.fetch(new Request(url, { headers: { authorization } }));
  if (response.status !== 200) throw new Error(`contract bench: ${url} answered ${response.status}`);
  return response.text();
}

/** @typedef {{ data: Array<Record<string, unknown>> }} Page */
/** @typedef {import("@signalwire-voice/client").VoiceClient} VoiceClient */

/**
 * A side: `call` does its work on the page once; `prepare()`, untimed, readies each call.
 * @typedef {{ call: () => unknown; prepare?: () => void }} Side
 */

/** One page's sides. @param {string} text @param {boolean} deleted */
function sides(text, deleted) {
  const page = /** @type {Page} */ (JSON.parse(text));
  const response = new Response(null, { status: 200 });
  /** @type {unknown[]} */
  let fresh = [];
  // Shaped as a client's GET answers; withDates asks nothing else of it.
  const parsed = /** @type {VoiceClient} */ (
    /** @type {unknown} */ ({ GET: async () => ({ data: fresh.pop(), response }) })
  );
  const client = createVoiceClient({
    baseUrl: "http://mock.test/api/voice",
    projectId: "test-project",
    token: "test-token",
    env: {},
    fetch: async () => new Response(text, { headers: { "content-type": "application/json" } }),
  });
  const query = { page_size: 1000, ...(deleted ? { include_deleted: true } : {}) };
  /** @param {import("@signalwire-voice/client").VoiceClient<"date">} dated */
  const revive = async (dated) => {
    const { data } = await dated.GET("/logs", { params: { query } });
    if (!(data?.data[0]?.created_at instanceof Date)) throw new Error("withDates: no Date");
  };
  const parsedDated = withDates(parsed);
  const clientDated = withDates(client);
  return {
    page,
    /** @type {Record<string, Side>} */
    sides: {
      "JSON.parse": { call: () => JSON.parse(text) },
      "withDates revival": {
        prepare: () => {
          fresh = [JSON.parse(text)];
        },
        call: () => revive(parsedDated),
      },
      "Ajv checkResponse": {
        call: () => {
          const violation = checkResponse("GET /logs", 200, page);
          if (violation) throw new Error(`Ajv: ${violation.pointer} ${violation.expected}`);
        },
      },
      "zod safeParse": {
        call: () => {
          const result = LogListResponseSchema.safeParse(page);
          if (!result.success) throw new Error(`zod: ${result.error.message}`);
        },
      },
      GET: { call: () => client.GET("/logs", { params: { query } }) },
      "withDates GET": { call: () => revive(clientDated) },
    },
  };
}

/** Process CPU µs per call over `count` sequential calls. @param {Side} side @param {number} count */
async function cpu({ call, prepare }, count) {
  if (prepare) {
    // Timed call by call, each after its own untimed preparation.
    let total = 0;
    for (let i = 0; i < count; i++) {
      prepare();
      const start = process.cpuUsage();
      await call();
      const { user, system } = process.cpuUsage(start);
      total += user + system;
    }
    return total / count;
  }
  const start = process.cpuUsage();
  for (let i = 0; i < count; i++) await call();
  const { user, system } = process.cpuUsage(start);
  return (user + system) / count;
}

/** @param {number[]} values */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

const report = { node: process.version, rounds, batch, pages: /** @type {unknown[]} */ ([]) };
print(`node ${process.version}; ${rounds} rounds of ${batch}; CPU µs per 1000-log page, in process`);
for (const [name, query] of [
  ["live logs", ""],
  ["include_deleted", "&include_deleted=true"],
]) {
  const text = await pageText(/** @type {string} */ (query));
  const { page, sides: calls } = sides(text, query !== "");
  const dates = page.data.flatMap((log) => ["created_at", "discarded_at"].filter((key) => key in log)).length;
  const names = Object.keys(calls);
  for (const side of names) await cpu(/** @type {Side} */ (calls[side]), batch * 2); // JIT
  /** @type {Record<string, number[]>} */
  const times = Object.fromEntries(names.map((side) => [side, []]));
  for (let round = 0; round < rounds; round++) {
    // Rotate who goes first, so drift in the machine's state favours no side.
    for (let turn = 0; turn < names.length; turn++) {
      const side = /** @type {string} */ (names[(round + turn) % names.length]);
      times[side]?.push(await cpu(/** @type {Side} */ (calls[side]), batch));
    }
  }
  report.pages.push({
    name,
    bytes: Buffer.byteLength(text),
    logs: page.data.length,
    dates,
    cpuMicroseconds: times,
  });
  const at = (/** @type {string} */ side) => /** @type {number[]} */ (times[side]);
  print(
    `${name} (${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB, ${dates} dates): ` +
      names.map((side) => `${side} ${median(at(side)).toFixed(0)} µs`).join(", "),
  );
}
if (values.json) console.log(JSON.stringify(report));
