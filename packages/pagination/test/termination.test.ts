import { type RunningMockServer, startMockServer } from "@signalwire-voice/mock-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cursorOf, MaxPagesError, PaginationLoopError, paginate } from "../src/index.js";
import { sendJson, settle, startTestServer, type TestServer, voiceClient } from "./helpers/servers.js";

let server: RunningMockServer;
beforeAll(async () => {
  server = await startMockServer({ logs: 10_000 });
});
afterAll(() => server.close());
beforeEach(() => {
  server.clearFaults();
  server.clearRequests();
});

describe("a next link seen before is an error, not a loop", () => {
  it("every page links to itself: stopped after 2 requests", async () => {
    server.addFault({ fault: { type: "repeat-next" } });
    const { error } = await settle(paginate(voiceClient(server), "/logs", { pageSize: 100 }).toArray());
    expect(error).toBeInstanceOf(PaginationLoopError);
    expect((error as Error).message).toBe(
      "paginate: next link loops back to /logs?page_number=0&page_size=100.",
    );
    expect(server.requests).toHaveLength(2);
  });

  it("the third page links to itself: its items are not handed over, and it is the cursor", async () => {
    server.addFault({ nth: 3, fault: { type: "repeat-next" } });
    let items = 0;
    const { error } = await settle(
      (async () => {
        for await (const _ of paginate(voiceClient(server), "/logs", { pageSize: 100 })) items++;
      })(),
    );
    expect(error).toBeInstanceOf(PaginationLoopError);
    expect(items).toBe(200);
    expect(server.requests).toHaveLength(3);
    expect(cursorOf(error)).toMatch(/^\/logs\?page_number=2&/);
  });

  it("resuming from a cursor that links to itself: stopped after 1 request", async () => {
    const pages = paginate(voiceClient(server), "/logs", { pageSize: 100 }).pages();
    await pages.next();
    const second = (await pages.next()).value;
    await pages.return();
    server.clearRequests();
    server.addFault({ fault: { type: "repeat-next" } });
    const cursor = second?.links.self.replace(`${server.baseUrl}`, "");
    const { error } = await settle(paginate(voiceClient(server), "/logs", { cursor }).toArray());
    expect(error).toBeInstanceOf(PaginationLoopError);
    expect(server.requests).toHaveLength(1);
  });
});

describe("longer cycles end within a bounded number of requests", () => {
  // A list server whose page `n` links to page `next(n)` by token: the test picks the cycle.
  let cycling: TestServer;
  let next: (page: number) => number;
  beforeAll(async () => {
    cycling = await startTestServer((_, response, url, origin) => {
      const page = Number(url.searchParams.get("page_token") ?? 0);
      const self = `${origin}${url.pathname}${url.search}`;
      const link = `${origin}${url.pathname}?page_number=${page + 1}&page_size=1&page_token=${next(page)}`;
      sendJson(response, { links: { self, first: self, next: link }, data: [{ id: `${page}` }] });
    });
  });
  afterAll(() => cycling.close());
  beforeEach(() => {
    cycling.requests.length = 0;
  });

  it.each([
    // [start of the cycle μ, its length λ]
    [0, 1],
    [0, 2],
    [1, 2],
    [0, 3],
    [5, 7],
    [20, 1],
    [3, 40],
    [100, 100],
  ])("a cycle from page %i of length %i", async (start, length) => {
    next = (page) => (page + 1 < start + length ? page + 1 : start);
    const client = voiceClient({ baseUrl: `${cycling.url}/api/voice` });
    const { error } = await settle(paginate(client, "/logs").toArray());
    expect(error).toBeInstanceOf(PaginationLoopError);
    // Every page of the cycle once, and at most about twice as many again: never a loop.
    expect(cycling.requests.length).toBeGreaterThanOrEqual(start + length);
    expect(cycling.requests.length).toBeLessThanOrEqual(2 * Math.max(start, length) + length + 1);
  });

  it("a server that ignores page_token: the same token with a growing page_number is a loop too", async () => {
    next = () => 7;
    const client = voiceClient({ baseUrl: `${cycling.url}/api/voice` });
    const { error } = await settle(paginate(client, "/logs").toArray());
    expect(error).toBeInstanceOf(PaginationLoopError);
    expect(cycling.requests).toHaveLength(2);
  });
});

describe("maxPages", () => {
  it("stops with MaxPagesError after maxPages pages when there are more; every item of them handed over", async () => {
    let items = 0;
    const { error } = await settle(
      (async () => {
        for await (const _ of paginate(voiceClient(server), "/logs", { maxPages: 3 })) items++;
      })(),
    );
    expect(error).toBeInstanceOf(MaxPagesError);
    expect(error).toMatchObject({ maxPages: 3 });
    expect((error as Error).message).toBe("paginate: maxPages (3) reached; resume from error.cursor.");
    expect(items).toBe(3000);
    expect(server.requests).toHaveLength(3);
  });

  it("walks a list in batches: each resumes from the last one's cursor, no item twice, none skipped", async () => {
    const ids: string[] = [];
    let cursor: string | undefined;
    let batches = 0;
    for (;;) {
      batches++;
      const { error } = await settle(
        (async () => {
          for await (const log of paginate(voiceClient(server), "/logs", { maxPages: 4, cursor }))
            ids.push(log.id);
        })(),
      );
      if (!error) break;
      expect(error).toBeInstanceOf(MaxPagesError);
      cursor = cursorOf(error);
    }
    expect(batches).toBe(3);
    expect(ids).toHaveLength(10_000);
    expect(new Set(ids).size).toBe(10_000);
    expect(server.requests).toHaveLength(10);
  });

  it("is no error when the list ends on that very page", async () => {
    const logs = await paginate(voiceClient(server), "/logs", { maxPages: 10 }).toArray();
    expect(logs).toHaveLength(10_000);
  });

  it("with prefetch: the error comes after the last allowed page, and no page past it is asked for", async () => {
    const pages: number[] = [];
    const { error } = await settle(
      (async () => {
        for await (const page of paginate(voiceClient(server), "/logs", {
          maxPages: 2,
          prefetch: 3,
        }).pages()) {
          pages.push(page.items.length);
        }
      })(),
    );
    expect(error).toBeInstanceOf(MaxPagesError);
    expect(pages).toEqual([1000, 1000]);
    expect(server.requests).toHaveLength(2);
  });
});
