// @ts-check
// CPU time of a walk in process: the mock server's fetch handler called directly (no sockets,
// no second process), so the machine's noise weighs little. Two sides walk the same 100 000
// logs in 1000-log pages, taking turns: the loop a person writes by hand over the handler
// (fetch, parse, follow `links.next`), and `for await` over `paginate` with the voice client.
// Both include the handler's own work (building each page), as a walk over a socket includes the
// server's. A benchmark, not a test. Run it after `pnpm build`:
//
//   node bench/cpu.mjs [--rounds 7] [--json]
//
// --json: the table goes to stderr, and stdout gets one JSON object with every walk's CPU ms.
import { parseArgs } from "node:util";
import { createMockServer } from "@signalwire-voice/mock-server";

/** @type {typeof import("../src/index.js")} */
const { paginate } = await import(new URL("../dist/index.mjs", import.meta.url).href);
/** @type {typeof import("@signalwire-voice/client")} */
const { createVoiceClient } = await import("@signalwire-voice/client");

const { values } = parseArgs({
  options: { rounds: { type: "string", default: "7" }, json: { type: "boolean", default: false } },
});
const print = values.json ? console.error : console.log;
const rounds = Number(values.rounds);
const logs = 100_000;
const server = createMockServer({ logs });
const handler = (/** @type {Request} */ request) => server.fetch(request);
const baseUrl = "http://mock.test/api/voice";
const authorization = `Basic ${btoa("test-project:test-token")}`;
let sink = 0;

/** @type {Record<string, () => Promise<void>>} */
const sides = {
  "raw loop over the handler": async () => {
    /** @type {string | undefined} */
    let url = `${baseUrl}/logs?page_size=1000`;
    while (url) {
      const response = await handler(new Request(url, { headers: { authorization } }));
      if (!response.ok) throw new Error(`raw: ${response.status}`);
      const body = /** @type {{ links: { next?: string }, data: { id: string }[] }} */ (
        await response.json()
      );
      for (const log of body.data) sink += log.id.length;
      url = body.links.next;
    }
  },
  "for await over paginate": async () => {
    const client = createVoiceClient({
      baseUrl,
      projectId: "test-project",
      token: "test-token",
      env: {},
      fetch: handler,
    });
    for await (const log of paginate(client, "/logs")) sink += log.id.length;
  },
};

/** CPU ms of one walk. @param {() => Promise<void>} walk */
async function cpu(walk) {
  const start = process.cpuUsage();
  await walk();
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
}

/** @param {number[]} values */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

const names = Object.keys(sides);
for (const name of names) await cpu(/** @type {() => Promise<void>} */ (sides[name])); // JIT
/** @type {Record<string, number[]>} */
const times = Object.fromEntries(names.map((name) => [name, []]));
for (let round = 0; round < rounds; round++) {
  for (let turn = 0; turn < names.length; turn++) {
    const name = /** @type {string} */ (names[(round + turn) % names.length]);
    times[name]?.push(await cpu(/** @type {() => Promise<void>} */ (sides[name])));
  }
}
if (sink !== rounds * 2 * logs * 36 + 2 * logs * 36)
  throw new Error(`cpu bench: walked ${sink / 36} ids, not every log`);
const [raw, items] = names.map((name) => /** @type {number[]} */ (times[name]));
const ratios = /** @type {number[]} */ (raw).map(
  (value, index) => value / /** @type {number} */ (items?.[index]),
);
print(`node ${process.version}; ${rounds} rounds; CPU ms per walk of ${logs} logs, in process`);
for (const name of names)
  print(`${name.padEnd(26)} | ${median(/** @type {number[]} */ (times[name])).toFixed(0)} ms`);
print(`for await / raw, as throughput (median of rounds): ${median(ratios).toFixed(3)}×`);
if (values.json) console.log(JSON.stringify({ node: process.version, rounds, logs, cpuMs: times }));
