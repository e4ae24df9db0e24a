import { type RunningMockServer, startMockServer } from "@signalwire-voice/mock-server";
import { sendJson, settle, startTestServer, type TestServer } from "@signalwire-voice/test-utils";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cursorOf, MaxPagesError, PaginationLoopError, paginate } from "../src/index.js";
import { voiceClient } from "./helpers/voice-client.js";

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
  it("the first page links to itself (as page_number=0): its items once, then the error; 1 request", async () => {
    server.addFault({ fault: { type: "repeat-next" } });
    const ids: string[] = [];
    const { error } = await settle(
      (async () => {
        for await (const log of paginate(voiceClient(server), "/logs", { pageSize: 100 })) ids.push(log.id);
      })(),
    );
    expect(error).toBeInstanceOf(PaginationLoopError);
    expect((error as Error).message).toBe(
      "paginate: next link loops back to /logs?page_number=0&page_size=100.",
    );
    expect(ids).toHaveLength(100);
    expect(new Set(ids).size).toBe(100);
    expect(server.requests).toHaveLength(1);
  });

  it("the third page links to itself: its items are handed over, then the error, with a loop cursor", async () => {
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
    expect(cursorOf(error)).toMatch(/^\/logs\?page_number=2&.*#loop$/);
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

  it("the looping page and the error carry a loop cursor: resuming from it sends nothing and loops again", async () => {
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
    expect(saved).toEqual([page2, `${page2}#loop`, `${page2}#loop`]);
    expect((error as Error).message).toBe(`paginate: next link loops back to ${page2}.`);
    // A job that saved it never walks a page twice: nothing is sent, the same error comes again.
    short.clearRequests();
    const { error: again } = await settle(
      paginate(voiceClient(short), "/logs", { pageSize: 100, cursor: cursorOf(error) }).toArray(),
    );
    expect(again).toBeInstanceOf(PaginationLoopError);
    expect(cursorOf(again)).toBe(`${page2}#loop`);
    expect((again as Error).message).toBe(
      `paginate: cursor ${page2}#loop marks a walk that stopped at a loop; nothing sent. Start a new walk without a cursor.`,
    );
    expect(short.requests).toHaveLength(0);
    // Once the server is fixed, starting over is passing no cursor.
    short.clearFaults();
    const fresh = await paginate(voiceClient(short), "/logs", { pageSize: 100 }).toArray();
    expect(fresh.map((log) => log.id)).toEqual(want);
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
    expect(cursorOf(error)).toMatch(/#loop$/);
  });
});

describe("a cycle of any length is caught at its first repeat: no page handed over twice", () => {
  // A list server whose page `n` links to page `next(n)`, spelled by `spell` (set by each test);
  // page 0 is the first request of a walk: `?page_size=1000`, no page_token.
  let cycling: TestServer;
  let next: (page: number) => number;
  let spell: (page: number) => string;
  const byToken = (page: number) => `page_number=${page}&page_size=1000&page_token=T${page}`;
  beforeAll(async () => {
    cycling = await startTestServer((_, response, url, origin) => {
      const page = Number(url.searchParams.get("page_token")?.slice(1) ?? 0);
      const self = `${origin}${url.pathname}${url.search}`;
      const link = `${origin}${url.pathname}?${spell(next(page))}`;
      sendJson(response, { links: { self, first: self, next: link }, data: [{ id: `${page}` }] });
    });
  });
  afterAll(() => cycling.close());
  beforeEach(() => {
    cycling.requests.length = 0;
    spell = (page) => (page === 0 ? "page_size=1000" : byToken(page));
  });

  /** Walks the cycling list: the ids handed over, and the error that ended the walk. */
  async function walk() {
    const client = voiceClient({ baseUrl: `${cycling.url}/api/voice` });
    const ids: string[] = [];
    const { error } = await settle(
      (async () => {
        for await (const item of paginate(client, "/logs")) ids.push(item.id);
      })(),
    );
    return { ids, error };
  }

  it.each([
    // [start of the cycle, its length]: [0, 1] is a first page that links to itself;
    // [0, 2] first → A → first; [1, 2] first → A → B → A.
    [0, 1],
    [0, 2],
    [1, 2],
    [0, 3],
    [5, 7],
    [20, 1],
    [3, 40],
    [100, 100],
  ])("a cycle from page %i of length %i: each page once, then PaginationLoopError", async (start, length) => {
    next = (page) => (page + 1 < start + length ? page + 1 : start);
    const { ids, error } = await walk();
    expect(error).toBeInstanceOf(PaginationLoopError);
    expect(ids).toEqual(Array.from({ length: start + length }, (_, page) => `${page}`));
    expect(cycling.requests).toHaveLength(start + length);
  });

  it.each([
    ["with page_number=0", "page_number=0&page_size=1000"],
    ["in another order", "page_number=0&page_size=1000".split("&").reverse().join("&")],
    ["with its parameters percent-encoded", "page%5Fsize=1%30%30%30"],
  ])("a link back to the first page spelled differently (%s) is the same request", async (_, first) => {
    next = (page) => (page < 3 ? page + 1 : 0);
    spell = (page) => (page === 0 ? first : byToken(page));
    const { ids, error } = await walk();
    expect(error).toBeInstanceOf(PaginationLoopError);
    expect(ids).toEqual(["0", "1", "2", "3"]);
    expect(cycling.requests).toHaveLength(4);
  });

  it("a page token names a position: the same token with another page_number is the same page", async () => {
    next = (page) => (page < 3 ? page + 1 : 2);
    // Each link counts one more page, whichever page it names: page 3 links to T2 as page 4.
    let hops = 0;
    spell = (page) => `page_number=${++hops}&page_size=1000&page_token=T${page}`;
    const { ids, error } = await walk();
    expect(error).toBeInstanceOf(PaginationLoopError);
    expect(ids).toEqual(["0", "1", "2", "3"]);
  });

  it("a server that ignores page_token: the same token with a growing page_number is a loop too", async () => {
    next = () => 7;
    const { ids, error } = await walk();
    expect(error).toBeInstanceOf(PaginationLoopError);
    expect(ids).toEqual(["0", "7"]);
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
