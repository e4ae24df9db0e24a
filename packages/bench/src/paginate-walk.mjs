// @ts-check
// The baseline of the export's throughput: a bare `paginate(client, "/logs", { query })` walk
// over the built @signalwire-voice/client and @signalwire-voice/pagination, with the query
// `signalwire-voice logs export --since --until` sends, counting the logs and writing nothing.
// Run in a process of its own, as the export is; prints one JSON line: { items, pages }.
//
//   node src/paginate-walk.mjs --base-url URL --since 2025-09-01 --until 2026-01-01 [--page-size 1000]
import { parseArgs } from "node:util";
import { createVoiceClient } from "@signalwire-voice/client";
import { MOCK_SERVER_DEFAULTS } from "@signalwire-voice/mock-server";
import { paginate } from "@signalwire-voice/pagination";

const { values } = parseArgs({
  options: {
    "base-url": { type: "string" },
    since: { type: "string" },
    until: { type: "string" },
    "page-size": { type: "string", default: "1000" },
  },
});
const since = new Date(String(values.since));
const until = new Date(String(values.until));
if (!values["base-url"] || Number.isNaN(since.getTime()) || Number.isNaN(until.getTime())) {
  throw new Error("paginate-walk: give --base-url URL --since DATE --until DATE.");
}
const client = createVoiceClient({
  baseUrl: values["base-url"],
  projectId: MOCK_SERVER_DEFAULTS.projectId,
  token: MOCK_SERVER_DEFAULTS.token,
  env: {},
});
// As the CLI asks: the API's created_after is exclusive, so a millisecond before --since.
const query = { created_after: new Date(since.getTime() - 1), created_before: until };
let items = 0;
let pages = 0;
for await (const page of paginate(client, "/logs", {
  query,
  pageSize: Number(values["page-size"]),
}).pages()) {
  items += page.items.length;
  pages++;
}
console.log(JSON.stringify({ items, pages }));
