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

  it("the third page links to itself: its items are handed over, then the error, with no cursor", async () => {
    server.addFault({ nth: 3, fault: { type: "repeat-next" } });
    let items = 0;
    const { error } = await settle(
      (async () => {
        for await (const _ of paginate(voiceClient(server), "/logs", { pageSize: 100 })) items++;
      })(),
    );
    expect(error).toBeInstanceOf(PaginationLoopError);
    expect((error as Error).message).toMatch(/^paginate: next link loops back to \/logs\?page_number=2&/);
    expect(items).toBe(300);
    expect(server.requests).toHaveLength(3);
    expect(cursorOf(error)).toBeUndefined();
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

describe("the page whose next link loops is handed over; the error comes where the walk would follow it", () => {
  // 150 logs in pages of 100: page 2 (50 logs) is the last, and `repeat-next` makes it link to itself.
  let short: RunningMockServer;
  let want: string[];
  beforeAll(async () => {
    short = await startMockServer({ logs: 150 });
    want = (await paginate(voiceClient(short), "/logs").toArray()).map((log) => log.id);
  });
  afterAll(() => short.close());
  beforeEach(() => {
    short.clearFaults();
    short.clearRequests();
    short.addFault({ nth: 2, fault: { type: "repeat-next" } });
  });

  it.each([0, 1, 3])(
    "prefetch %i: all 150 logs once, in order, then PaginationLoopError; 2 requests",
    async (prefetch) => {
      const ids: string[] = [];
      const { error } = await settle(
        (async () => {
          for await (const log of paginate(voiceClient(short), "/logs", { pageSize: 100, prefetch }))
            ids.push(log.id);
        })(),
      );
      expect(ids).toEqual(want);
      expect(error).toBeInstanceOf(PaginationLoopError);
      // Nothing is sent for the looping link.
      expect(short.requests).toHaveLength(2);
    },
  );

  it("no cursor handed over leads back into the loop: the looping page's and the error's are undefined", async () => {
    // The README's resume pattern: save each page's cursor, then the error's.
    const saved: (string | undefined)[] = [];
    const sizes: number[] = [];
    const { error } = await settle(
      (async () => {
        for await (const page of paginate(voiceClient(short), "/logs", { pageSize: 100 }).pages()) {
          sizes.push(page.items.length);
          saved.push(page.cursor);
        }
      })(),
    );
    saved.push(cursorOf(error));
    expect(error).toBeInstanceOf(PaginationLoopError);
    expect(sizes).toEqual([100, 50]);
    // The first page's cursor is page 2; after page 2, the server offers only page 2 again.
    const page2 = `/logs?${new URL(short.requests[1]?.url as string).searchParams}`;
    expect(saved).toEqual([page2, undefined, undefined]);
    expect((error as Error).message).toBe(`paginate: next link loops back to ${page2}.`);
    // `undefined` is what a walk that ends leaves too: the next run is a new walk, not the loop.
    short.clearRequests();
    const again = await paginate(voiceClient(short), "/logs", {
      pageSize: 100,
      cursor: cursorOf(error),
    }).toArray();
    expect(again.map((log) => log.id)).toEqual(want);
    expect(short.requests.map((request) => new URL(request.url).searchParams.get("page_number"))).toEqual([
      null,
      "1",
    ]);
  });

  it("toArray() rejects with it; toArray({ limit }) reached on that page needs no next page, so no error", async () => {
    const { error } = await settle(paginate(voiceClient(short), "/logs", { pageSize: 100 }).toArray());
    expect(error).toBeInstanceOf(PaginationLoopError);
    short.clearFaults();
    short.clearRequests();
    short.addFault({ nth: 2, fault: { type: "repeat-next" } });
    const logs = await paginate(voiceClient(short), "/logs", { pageSize: 100 }).toArray({ limit: 150 });
    expect(logs.map((log) => log.id)).toEqual(want);
    expect(short.requests).toHaveLength(2);
  });

  it("maxPages reached on the looping page: PaginationLoopError, not MaxPagesError (whose cursor is the loop)", async () => {
    const ids: string[] = [];
    const { error } = await settle(
      (async () => {
        for await (const log of paginate(voiceClient(short), "/logs", { pageSize: 100, maxPages: 2 }))
          ids.push(log.id);
      })(),
    );
    expect(ids).toEqual(want);
    expect(error).toBeInstanceOf(PaginationLoopError);
    expect(cursorOf(error)).toBeUndefined();
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
