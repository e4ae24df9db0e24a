import type { VoicePaths } from "@signalwire-voice/client";
import { type RunningMockServer, startMockServer } from "@signalwire-voice/mock-server";
import { collect, sendJson, startTestServer, type TestServer } from "@signalwire-voice/test-utils";
import createClient from "openapi-fetch";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { paginate } from "../src/index.js";
import { CREDENTIALS, voiceClient } from "./helpers/voice-client.js";

// Query names a next link or a stored cursor can carry that are also names on Object.prototype:
// each must be sent exactly as it came, never read from (or written to) a prototype.
const NAMES = "toString=1&toString=2&constructor=3&valueOf=4&hasOwnProperty=5";
/** The same, with `__proto__`: for a client whose serializer keeps every name (openapi-fetch's own). */
const PROTO_NAMES = `${NAMES}&__proto__=6&__proto__=7`;

let mock: RunningMockServer;
/** A list of two pages: the first's next link carries `names` (set by each test), the second is the last. */
let crafted: TestServer;
let names: string;
beforeAll(async () => {
  mock = await startMockServer({ logs: 5 });
  crafted = await startTestServer((_, response, url, origin) => {
    const last = url.searchParams.has("page_token");
    const self = `${origin}${url.pathname}${url.search}`;
    const next = `${origin}${url.pathname}?page_size=1&page_token=PA1&${names}`;
    sendJson(response, {
      links: last ? { self } : { self, next },
      data: [{ id: last ? "second" : "first" }],
    });
  });
});
afterAll(async () => {
  await mock.close();
  await crafted.close();
});
beforeEach(() => {
  mock.clearRequests();
  crafted.requests.length = 0;
});

/** An openapi-fetch client of the voice API with nothing of the voice client's: its serializer is openapi-fetch's. */
const bareClient = (baseUrl: string) =>
  createClient<VoicePaths>({ baseUrl, headers: { authorization: `Basic ${CREDENTIALS}` } });
const sentTo = (requests: readonly { url: string }[]) =>
  requests.map((request) => new URL(request.url, "http://x").search);

describe("query names that are also Object.prototype's are parameters like any other", () => {
  it("a cursor's, through the voice client: toString=1 is sent as toString=1 (the mock server)", async () => {
    const logs = await paginate(voiceClient(mock), "/logs", { cursor: `/logs?page_size=2&${NAMES}` }).toArray(
      {
        limit: 2,
      },
    );
    expect(logs).toHaveLength(2);
    expect(sentTo(mock.requests)).toEqual([`?page_size=2&${NAMES}`]);
  });

  it("a cursor's, __proto__ included, through a bare openapi-fetch client (the mock server)", async () => {
    const client = bareClient(mock.baseUrl);
    const logs = await paginate(client, "/logs", { cursor: `/logs?page_size=2&${PROTO_NAMES}` }).toArray({
      limit: 2,
    });
    expect(logs).toHaveLength(2);
    expect(sentTo(mock.requests)).toEqual([`?page_size=2&${PROTO_NAMES}`]);
  });

  it.each([
    ["the voice client", NAMES, (baseUrl: string) => voiceClient({ baseUrl })],
    ["a bare openapi-fetch client", PROTO_NAMES, bareClient],
  ])(
    "a next link's, through %s: sent as they came, and kept in the page's cursor",
    async (_, sent, client) => {
      names = sent;
      const pages = await collect(paginate(client(`${crafted.url}/api/voice`), "/logs").pages());
      expect(pages.map((page) => page.items.length)).toEqual([1, 1]);
      expect(sentTo(crafted.requests)).toEqual(["?page_size=1000", `?page_size=1&page_token=PA1&${sent}`]);
      expect(pages[0]?.cursor).toBe(`/logs?page_size=1&page_token=PA1&${sent}`);
      // Resuming from that cursor sends that query again.
      crafted.requests.length = 0;
      await paginate(client(`${crafted.url}/api/voice`), "/logs", { cursor: pages[0]?.cursor }).toArray();
      expect(sentTo(crafted.requests)).toEqual([`?page_size=1&page_token=PA1&${sent}`]);
    },
  );
});
