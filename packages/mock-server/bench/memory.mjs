// @ts-check
// Memory of the mock server while a client pages through all of it: the server's peak RSS
// (VmHWM, Linux /proc) after the first page vs after the last. Flat means memory per page, not
// per log. Run after `pnpm build`: `pnpm bench` or `node bench/memory.mjs [--logs N] [--page-size N]`.
// `--control` asks for the first page as many times as the walk has pages instead: the same
// requests and bytes over a dataset the client never goes deep into, to tell V8's heap sizing
// (which grows with the allocation rate) from memory that grows with the walk.
// `--json` prints one JSON object instead of the lines (what scripts/bench.mjs reads).
import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    logs: { type: "string" },
    "page-size": { type: "string" },
    control: { type: "boolean" },
    json: { type: "boolean" },
  },
});
const logs = Number(values.logs ?? 1_000_000);
const pageSize = Number(values["page-size"] ?? 1000);
const bin = join(import.meta.dirname, "..", "dist", "cli.mjs");
const auth = { authorization: `Basic ${btoa("test-project:test-token")}` };

/** @param {number} pid */
function memory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = (/** @type {string} */ name) =>
    Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN);
  return { rss: kib("VmRSS") / 1024, peak: kib("VmHWM") / 1024 };
}
const mib = (/** @type {number} */ value) => `${value.toFixed(1)} MiB`;

const server = spawn(process.execPath, [bin, "--port", "0", "--logs", String(logs)], {
  stdio: ["ignore", "pipe", "inherit"],
});
const [baseUrl] = /** @type {[string]} */ (await once(createInterface({ input: server.stdout }), "line"));
const pid = /** @type {number} */ (server.pid);
const idle = memory(pid);

let next = /** @type {string | undefined} */ (`${baseUrl}/logs?page_size=${pageSize}`);
let pages = 0;
let seen = 0;
let previous = Number.POSITIVE_INFINITY;
/** @type {ReturnType<typeof memory> | undefined} */
let start;
const samples = [];
while (next) {
  const response = await fetch(next, { headers: auth });
  if (!response.ok) throw new Error(`GET ${next} answered ${response.status}`);
  const page = /** @type {{ data: { created_at: string }[], links: { next?: string } }} */ (
    await response.json()
  );
  for (const log of page.data) {
    const time = Date.parse(log.created_at);
    // Strictly newest first across pages: no log twice, none out of order.
    if (!(time < previous)) throw new Error(`log ${seen} is not older than the one before it`);
    previous = time;
  }
  seen += page.data.length;
  pages++;
  next = page.links.next;
  if (values.control) {
    next = pages < logs / pageSize ? `${baseUrl}/logs?page_size=${pageSize}` : undefined;
    previous = Number.POSITIVE_INFINITY;
  }
  if (pages === 1) start = memory(pid);
  if (pages % Math.max(1, Math.floor(logs / pageSize / 10)) === 0) samples.push({ pages, ...memory(pid) });
}
const end = memory(pid);
server.kill("SIGTERM");
await once(server, "exit");

if (seen !== logs) throw new Error(`walked ${seen} logs, expected ${logs}`);
const first = /** @type {ReturnType<typeof memory>} */ (start);
if (values.json) {
  const walk = { logs, pageSize, pages, control: values.control === true, idle, first, end, samples };
  console.log(JSON.stringify(walk));
  process.exit(0);
}
const walked = values.control ? "the first page, again and again" : "each log once, newest first";
console.log(`signalwire-voice-mock --logs ${logs}: ${pages} pages of ${pageSize}, ${seen} logs, ${walked}`);
console.log(`server RSS idle (before any request): ${mib(idle.rss)}`);
for (const sample of samples)
  console.log(
    `  after ${String(sample.pages).padStart(5)} pages: RSS ${mib(sample.rss)}, peak ${mib(sample.peak)}`,
  );
const tenth = samples[0] ?? end;
console.log(`server peak RSS after the first page: ${mib(first.peak)}`);
console.log(
  `server peak RSS after the last page:  ${mib(end.peak)} (end/start ${(end.peak / first.peak).toFixed(2)})`,
);
// V8 sizes its heap to the allocation rate during the first pages; after that, flat is flat.
console.log(`growth over the last 90% of the walk: ${(end.peak / tenth.peak).toFixed(3)}x`);
