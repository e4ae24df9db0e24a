import { InputError } from "@signalwire-voice/client";
import { collect, sendJson, settle, startTestServer, type TestServer } from "@signalwire-voice/test-utils";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cursorOf, paginate, UnsafeNextLinkError } from "../src/index.js";
import { voiceClient } from "./helpers/voice-client.js";

// Next links and cursors far bigger than any real one (a hostile server, a corrupted store): refused
// with a short message, and what is accepted is worked on in time linear in its size.

/** `count` parameters of three letters each: all named `abc`, or each named differently. */
const repeated = (count: number) => Array(count).fill("abc").join("&");
const distinct = (count: number) =>
  Array.from({ length: count }, (_, index) => index.toString(36).padStart(3, "0")).join("&");

/**
 * The least CPU time (user + system, in ms) this process spends on each of `first` and `second`,
 * over seven runs taken in turn: what each costs when nothing else gets in the way. CPU time rather
 * than wall time, and the two taken in turn, so other processes on a busy machine slow neither
 * figure, or both alike. Only ever compared with each other, never with a fixed time.
 */
async function costs(first: () => unknown, second: () => unknown): Promise<[number, number]> {
  const least = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY] as [number, number];
  for (let run = 0; run < 7; run++) {
    for (const [index, work] of [first, second].entries()) {
      const start = process.cpuUsage();
      await work();
      const { user, system } = process.cpuUsage(start);
      least[index] = Math.min(least[index] as number, (user + system) / 1000);
    }
  }
  return least;
}

// A list of two pages whose first page's next link carries `nextQuery` (set by each test).
let server: TestServer;
let nextQuery: string;
beforeAll(async () => {
  server = await startTestServer((_, response, url, origin) => {
    const self = `${origin}${url.pathname}${url.search}`;
    if (url.searchParams.has("page_token"))
      return sendJson(response, { links: { self }, data: [{ id: "2" }] });
    const next = `${origin}${url.pathname}?page_token=2&${nextQuery}`;
    sendJson(response, { links: { self, next }, data: [{ id: "1" }] });
  });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});
const client = () => voiceClient({ baseUrl: `${server.url}/api/voice` });

describe("a next link longer than 16 KiB is refused: UnsafeNextLinkError, short, nothing sent", () => {
  it.each([
    ["1 MB", 2 ** 20],
    ["16 KiB and one character", 16 * 1024 + 1],
  ])("%s", async (_, length) => {
    // The link's full length: origin, path and query.
    const head = `${server.url}/api/voice/logs?page_token=2&a=`;
    nextQuery = `a=${"x".repeat(length - head.length)}`;
    const ids: string[] = [];
    const { error } = await settle(
      (async () => {
        for await (const log of paginate(client(), "/logs")) ids.push(log.id);
      })(),
    );
    expect(error).toBeInstanceOf(UnsafeNextLinkError);
    expect((error as Error).message).toBe(
      `paginate: refused next link ${server.url}/api/voice/logs (nothing sent): it is ${length} characters long, more than 16384; the page was ${server.url}/api/voice/logs.`,
    );
    expect(JSON.stringify(error).length).toBeLessThan(1000);
    // The page that carries the link is not handed over (the error's cursor refetches it), and
    // nothing is asked where the link points.
    expect(ids).toEqual([]);
    expect(server.requests).toHaveLength(1);
    expect(cursorOf(error)).toBeUndefined();
  });

  it("a link of 16 KiB exactly is followed", async () => {
    const head = `${server.url}/api/voice/logs?page_token=2&a=`;
    nextQuery = `a=${"x".repeat(16 * 1024 - head.length)}`;
    const ids = (await collect(paginate(client(), "/logs"))).map((log) => log.id);
    expect(ids).toEqual(["1", "2"]);
  });

  it("the message shows at most 200 characters of a long path", async () => {
    nextQuery = "";
    const long = `${server.url}/${"p".repeat(10_000)}?page_token=2`;
    const server2 = await startTestServer((_, response, url, origin) =>
      sendJson(response, { links: { self: `${origin}${url.pathname}`, next: long }, data: [] }),
    );
    try {
      const { error } = await settle(
        paginate(voiceClient({ baseUrl: `${server2.url}/api/voice` }), "/logs").toArray(),
      );
      expect(error).toBeInstanceOf(UnsafeNextLinkError);
      expect((error as Error).message.length).toBeLessThan(600);
      expect((error as UnsafeNextLinkError).link.length).toBeLessThan(260);
    } finally {
      await server2.close();
    }
  });
});

describe("a cursor longer than 16 KiB is refused by paginate(): InputError, short, nothing sent", () => {
  it.each([2 ** 20, 16 * 1024 + 1])("%i characters", (length) => {
    const cursor = `/logs?a=${"x".repeat(length - 8)}`;
    expect(cursor).toHaveLength(length);
    let thrown: unknown;
    try {
      paginate(client(), "/logs", { cursor });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect(thrown).toMatchObject({ field: "cursor" });
    expect((thrown as Error).message).toMatch(
      new RegExp(
        `^paginate: cursor is ${length} characters long, more than 16384: not a cursor paginate gave\\.`,
      ),
    );
    expect((thrown as Error).message.length).toBeLessThan(400);
    expect(server.requests).toHaveLength(0);
  });

  it("a cursor of 16 KiB exactly is resumed", async () => {
    const cursor = `/logs?page_token=2&a=${"x".repeat(16 * 1024 - 21)}`;
    expect(cursor).toHaveLength(16 * 1024);
    expect((await paginate(client(), "/logs", { cursor }).toArray()).map((log) => log.id)).toEqual(["2"]);
  });
});

describe("building a request is linear in its size: repeats of a parameter cost what as many names cost", () => {
  // 4000 parameters of 3 letters: 16 000 characters, within the limit. Repeats used to cost
  // quadratic time (each one copied the list so far): some 100 times as much as different names.
  it("a cursor: paginate() returns as soon for 4000 repeats as for 4000 different names", async () => {
    const walk = (query: string) => () => paginate(client(), "/logs", { cursor: `/logs?${query}` });
    const [repeats, names] = await costs(walk(repeated(4000)), walk(distinct(4000)));
    // Quadratic work costs some 100 times as much; the margin is for noise, not for a slower path.
    expect(repeats).toBeLessThan(10 * names + 50);
  });

  it("a next link: the walk takes no longer with 4000 repeats than with 4000 different names", async () => {
    const walk = (query: string) => async () => {
      nextQuery = query;
      expect(await paginate(client(), "/logs").toArray()).toHaveLength(2);
    };
    const [repeats, names] = await costs(walk(repeated(4000)), walk(distinct(4000)));
    // Every parameter was sent, as the link had it.
    expect(new URL(server.requests.at(-1)?.url ?? "", server.url).searchParams.getAll("000")).toHaveLength(1);
    expect(repeats).toBeLessThan(10 * names + 100);
  });

  it("a next link with 4000 repeats sends them all, in order", async () => {
    nextQuery = repeated(4000);
    await paginate(client(), "/logs").toArray();
    const sent = new URL(server.requests[1]?.url ?? "", server.url).searchParams;
    expect(sent.getAll("abc")).toEqual(Array(4000).fill(""));
  });
});
