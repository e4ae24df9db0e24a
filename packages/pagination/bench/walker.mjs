// @ts-check
// One walk of a mock server's logs, in a process of its own so that only the walker's memory and
// time are measured; bench/run.mjs starts it. Prints one JSON line:
// { ms, items, pages, maxRssMiB, peakHeapMiB, retainedHeapMiB }.
//
//   node --expose-gc bench/walker.mjs --base-url URL [--mode paginate] [--page-size 1000]
//        [--prefetch 0] [--work-ms 0] [--work io|cpu]
//
// Modes: raw (fetch, follow links.next by hand), client-loop (the voice client's GET, links
// followed by hand), paginate (pages()), paginate-items (for await of items), paginate-bare
// (pages() over a bare openapi-fetch client: pagination's own cost over the thinnest client).
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import createClient from "openapi-fetch";

// The built packages (run `pnpm build` first), typed by their source: typecheck runs without a build.
/** @type {typeof import("../src/index.js")} */
const { paginate } = await import(new URL("../dist/index.mjs", import.meta.url).href);
/** @type {typeof import("@signalwire-voice/client")} */
const { createVoiceClient } = await import("@signalwire-voice/client");

const { values } = parseArgs({
  options: {
    "base-url": { type: "string" },
    mode: { type: "string", default: "paginate" },
    "page-size": { type: "string", default: "1000" },
    prefetch: { type: "string", default: "0" },
    "work-ms": { type: "string", default: "0" },
    work: { type: "string", default: "io" },
  },
});
const baseUrl = String(values["base-url"]);
const pageSize = Number(values["page-size"]);
const prefetch = Number(values.prefetch);
const workMs = Number(values["work-ms"]);
const credentials = btoa("test-project:test-token");
const gc = /** @type {(() => void) | undefined} */ (globalThis.gc);

let sink = 0;
let peakHeap = 0;
let retainedHeap = 0;
let pages = 0;

/** What a caller does with each item: read it. */
const use = (/** @type {{ id: string }} */ log) => {
  sink += log.id.length;
};

/** What a caller does with each page: wait on I/O (a database write), or compute, for `workMs`. */
async function handlePage() {
  pages++;
  const { heapUsed } = process.memoryUsage();
  peakHeap = Math.max(peakHeap, heapUsed);
  // Every 50 pages, what is really held: the heap after a full collection.
  if (gc && pages % 50 === 0) {
    gc();
    retainedHeap = Math.max(retainedHeap, process.memoryUsage().heapUsed);
  }
  if (!workMs) return;
  if (values.work === "cpu") {
    const until = performance.now() + workMs;
    while (performance.now() < until) sink++;
  } else await sleep(workMs);
}

/** The loop a person writes by hand: fetch, parse, follow `links.next` verbatim. */
async function rawWalk() {
  /** @type {string | undefined} */
  let url = `${baseUrl}/logs?page_size=${pageSize}`;
  while (url) {
    const response = await fetch(url, { headers: { authorization: `Basic ${credentials}` } });
    if (!response.ok) throw new Error(`raw fetch: ${response.status}`);
    const body = /** @type {{ links: { next?: string }, data: { id: string }[] }} */ (await response.json());
    for (const log of body.data) use(log);
    await handlePage();
    url = body.links.next;
  }
}

const voiceClient = () =>
  createVoiceClient({ baseUrl, projectId: "test-project", token: "test-token", env: {} });

/** The voice client's GET, with the next request built from `links.next` by hand. */
async function clientLoop() {
  const client = voiceClient();
  /** @type {Record<string, string | number>} */
  let query = { page_size: pageSize };
  for (;;) {
    const { data } = await client.GET("/logs", { params: { query } });
    if (!data) throw new Error("client loop: no data");
    for (const log of data.data) use(log);
    await handlePage();
    if (!data.links.next) return;
    query = Object.fromEntries(new URL(data.links.next).searchParams);
    query.page_size = pageSize;
    query.page_number = Number(query.page_number);
  }
}

/** @param {import("../src/index.js").ListClient} client */
async function paginateWalk(client = voiceClient()) {
  for await (const page of paginate(
    /** @type {import("@signalwire-voice/client").VoiceClient} */ (client),
    "/logs",
    {
      pageSize,
      prefetch,
    },
  ).pages()) {
    for (const log of page.items) use(log);
    await handlePage();
  }
}

async function paginateBare() {
  /** @type {import("openapi-fetch").Client<import("@signalwire-voice/client").VoicePaths>} */
  const bare = createClient({ baseUrl, headers: { authorization: `Basic ${credentials}` } });
  await paginateWalk(/** @type {import("../src/index.js").ListClient} */ (/** @type {unknown} */ (bare)));
}

async function paginateItems() {
  const client = voiceClient();
  let seen = 0;
  for await (const log of paginate(client, "/logs", { pageSize, prefetch })) {
    use(log);
    if (++seen % pageSize === 0) await handlePage();
  }
}

const walks = {
  raw: rawWalk,
  "client-loop": clientLoop,
  paginate: () => paginateWalk(),
  "paginate-items": paginateItems,
  "paginate-bare": paginateBare,
};
const walk = walks[/** @type {keyof typeof walks} */ (values.mode)];
if (!walk) throw new Error(`--mode must be one of ${Object.keys(walks).join(", ")}`);
const start = performance.now();
await walk();
const ms = performance.now() - start;
const mib = (/** @type {number} */ bytes) => Math.round((bytes / 2 ** 20) * 10) / 10;
console.log(
  JSON.stringify({
    ms,
    items: sink > 0 ? Math.round(sink / 36) : 0, // every id is a 36-character uuid
    pages,
    maxRssMiB: mib(process.resourceUsage().maxRSS * 1024),
    peakHeapMiB: mib(peakHeap),
    retainedHeapMiB: mib(retainedHeap),
  }),
);
