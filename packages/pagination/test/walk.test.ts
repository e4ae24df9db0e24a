import { type RunningMockServer, startMockServer } from "@signalwire-voice/mock-server";
import { collect } from "@signalwire-voice/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paginate } from "../src/index.js";
import { CREDENTIALS, queries, voiceClient } from "./helpers/voice-client.js";

// Real HTTP against the mock server, one server per dataset size.
const servers = new Map<number, RunningMockServer>();
beforeAll(async () => {
  for (const logs of [0, 1, 100, 101, 250, 10_000]) servers.set(logs, await startMockServer({ logs }));
});
afterAll(async () => {
  for (const server of servers.values()) await server.close();
});
function serverOf(logs: number): RunningMockServer {
  const server = servers.get(logs) as RunningMockServer;
  server.clearRequests();
  return server;
}

/** Every log's id, in order, straight from the server in one page: what a walk must return. */
async function allIds(server: RunningMockServer, logs: number): Promise<string[]> {
  if (logs === 0) return [];
  const response = await fetch(`${server.baseUrl}/logs?page_size=${Math.min(logs, 1000)}`, {
    headers: { authorization: `Basic ${CREDENTIALS}` },
  });
  const ids = ((await response.json()) as { data: { id: string }[] }).data.map((log) => log.id);
  server.clearRequests();
  return ids;
}

describe("a walk returns every item exactly once, in order, in as few requests as the pages", () => {
  it.each([
    // [logs, pageSize, requests]
    [0, 100, 1],
    [1, 100, 1],
    [100, 100, 1],
    [101, 100, 2],
    [250, 100, 3],
  ])("%i logs, page size %i: %i request(s)", async (logs, pageSize, requests) => {
    const server = serverOf(logs);
    const want = await allIds(server, logs);
    const ids = (await collect(paginate(voiceClient(server), "/logs", { pageSize }))).map((log) => log.id);
    expect(ids).toEqual(want);
    expect(server.requests).toHaveLength(requests);
  });

  it("10 000 logs with the default page size (1000): exactly 10 requests, each id once", async () => {
    const server = serverOf(10_000);
    const logs = await paginate(voiceClient(server), "/logs").toArray();
    expect(logs).toHaveLength(10_000);
    expect(new Set(logs.map((log) => log.id)).size).toBe(10_000);
    expect(queries(server).map((query) => [query.page_size, query.page_number])).toEqual([
      ["1000", undefined],
      ...Array.from({ length: 9 }, (_, page) => ["1000", String(page + 1)]),
    ]);
    // Newest first, as the server sends them: the walk keeps the order.
    const times = logs.map((log) => log.created_at);
    expect(times).toEqual([...times].sort().reverse());
  });

  it("sends every request to the client's own base URL, with its credentials, the link's query", async () => {
    const server = serverOf(250);
    await paginate(voiceClient(server), "/logs", { pageSize: 100 }).toArray();
    expect(server.requests.map((request) => new URL(request.url).pathname)).toEqual(
      Array(3).fill("/api/voice/logs"),
    );
    expect(server.requests.every((request) => request.headers.authorization === `Basic ${CREDENTIALS}`)).toBe(
      true,
    );
    expect(queries(server)[1]?.page_token).toMatch(/^PA/);
  });

  it("keeps the filters on every page", async () => {
    const server = serverOf(10_000);
    const query = { created_after: new Date("2025-12-31T12:00:00Z"), include_deleted: true };
    const logs = await paginate(voiceClient(server), "/logs", { query, pageSize: 300 }).toArray();
    expect(logs.length).toBeGreaterThan(300);
    expect(logs.every((log) => log.created_at > "2025-12-31T12:00:00")).toBe(true);
    expect(logs.some((log) => "discarded_at" in log)).toBe(true);
    for (const sent of queries(server)) {
      expect(sent).toMatchObject({ created_after: "2025-12-31T12:00:00.000Z", include_deleted: "true" });
    }
  });
});

describe("stopping early", () => {
  it("`break` after the first item sends no further request", async () => {
    const server = serverOf(250);
    for await (const log of paginate(voiceClient(server), "/logs", { pageSize: 100 })) {
      expect(log.id).toBeTypeOf("string");
      break;
    }
    expect(server.requests).toHaveLength(1);
  });

  it("`break` out of pages() after the second page: two requests", async () => {
    const server = serverOf(250);
    let pages = 0;
    for await (const page of paginate(voiceClient(server), "/logs", { pageSize: 100 }).pages()) {
      if (++pages === 2) break;
      expect(page.items).toHaveLength(100);
    }
    expect(server.requests).toHaveLength(2);
  });

  it.each([
    // [limit, pageSize, items, requests]
    [1500, 1000, 1500, 2],
    [1000, 1000, 1000, 1],
    [1001, 1000, 1001, 2],
    [0, 1000, 0, 0],
    [20_000, 1000, 10_000, 10],
  ])(
    "toArray({ limit: %i }) with pages of %i: %i items, %i request(s)",
    async (limit, pageSize, items, requests) => {
      const server = serverOf(10_000);
      const logs = await paginate(voiceClient(server), "/logs", { pageSize }).toArray({ limit });
      expect(logs).toHaveLength(items);
      expect(server.requests).toHaveLength(requests);
    },
  );

  it.each([0, 3])("toArray({ limit: 0 }) with prefetch %i: [], and no request at all", async (prefetch) => {
    const server = serverOf(10_000);
    const logs = await paginate(voiceClient(server), "/logs", { prefetch }).toArray({ limit: 0 });
    expect(logs).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });

  it("toArray({ limit }) with prefetch still fetches no page past the limit", async () => {
    const server = serverOf(10_000);
    const logs = await paginate(voiceClient(server), "/logs", { prefetch: 3 }).toArray({ limit: 1500 });
    expect(logs).toHaveLength(1500);
    expect(server.requests).toHaveLength(2);
  });
});

describe("pages()", () => {
  it("hands over items, links and the cursor of the page after (an end cursor after the last)", async () => {
    const server = serverOf(250);
    const pages = await collect(paginate(voiceClient(server), "/logs", { pageSize: 100 }).pages());
    expect(pages.map((page) => page.items.length)).toEqual([100, 100, 50]);
    expect(pages[0]?.links.self).toBe(`${server.baseUrl}/logs?page_number=0&page_size=100`);
    expect(pages[0]?.links.next).toMatch(/page_token=PA/);
    expect(pages[0]?.cursor).toMatch(/^\/logs\?page_number=1&page_size=100&page_token=PA[\w-]+$/);
    expect(pages[2]?.cursor).toBe(`${pages[1]?.cursor}#end`);
    expect(pages[2]?.links.next).toBeUndefined();
  });

  it("each iteration is a new walk; creating one sends nothing", async () => {
    const server = serverOf(101);
    const logs = paginate(voiceClient(server), "/logs", { pageSize: 100 });
    expect(server.requests).toHaveLength(0);
    expect(await logs.toArray()).toHaveLength(101);
    expect(await logs.toArray()).toHaveLength(101);
    expect(server.requests).toHaveLength(4);
  });
});
