import type { ListVoiceLogsResponse } from "@signalwire-voice/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMockServer, type RunningMockServer, startMockServer } from "../src/index.js";
import { AUTH, getJson, ids, LOGS_URL, logsUrl, ORIGIN, walk } from "./helpers.js";

describe("a walk over real HTTP", () => {
  let server: RunningMockServer;
  beforeAll(async () => {
    server = await startMockServer({ logs: 10_000 });
  });
  afterAll(() => server.close());

  it("collects 10 000 logs with page_size 1000 in exactly 10 requests, each log once", async () => {
    server.clearRequests();
    const pages = await walk(fetch, `${server.baseUrl}/logs?page_size=1000`);
    const all = pages.flatMap((page) => ids(page.data));
    expect(pages).toHaveLength(10);
    expect(server.requests).toHaveLength(10);
    expect(all).toHaveLength(10_000);
    expect(new Set(all).size).toBe(10_000);
    expect(pages.at(-1)?.links.next).toBeUndefined();
  });

  it("puts every link on the origin the client connected to", async () => {
    const { body } = await getJson(fetch, `${server.baseUrl}/logs?page_size=5`);
    const next = await getJson(fetch, body.links.next ?? "");
    for (const link of [...Object.values(body.links), ...Object.values(next.body.links)]) {
      expect(link.startsWith(`${server.url}/api/voice/logs?`)).toBe(true);
    }
  });
});

describe("links", () => {
  const server = createMockServer({ logs: 7 });

  it.each([
    [
      "the first page",
      { page_size: 3 },
      {
        self: "?page_number=0&page_size=3",
        first: "?page_size=3",
        next: /^\?page_number=1&page_size=3&page_token=PA[0-9a-f-]{36}$/,
        prev: undefined,
      },
    ],
    [
      "filters are carried, in a fixed order",
      { created_after: "2025-01-01T00:00:00+02:00", include_deleted: "false", page_size: 3 },
      {
        self: "?page_number=0&page_size=3&include_deleted=false&created_after=2025-01-01T00%3A00%3A00%2B02%3A00",
        first: "?page_size=3&include_deleted=false&created_after=2025-01-01T00%3A00%3A00%2B02%3A00",
        next: /^\?page_number=1&page_size=3&include_deleted=false&created_after=2025-01-01T00%3A00%3A00%2B02%3A00&page_token=PA/,
        prev: undefined,
      },
    ],
    [
      "one page holds everything",
      { page_size: 1000 },
      { self: "?page_number=0&page_size=1000", first: "?page_size=1000" },
    ],
    ["no page_size: the default 50", {}, { self: "?page_number=0&page_size=50", first: "?page_size=50" }],
  ])("%s", async (_name, params, want: { self: string; first: string; next?: RegExp }) => {
    const { body } = await getJson(server.fetch, logsUrl(params));
    const query = (link: string | undefined) => link?.slice(LOGS_URL.length);
    expect(query(body.links.self)).toBe(want.self);
    expect(query(body.links.first)).toBe(want.first);
    if (want.next instanceof RegExp) expect(query(body.links.next)).toMatch(want.next);
    else expect(body.links.next).toBeUndefined();
    expect(body.links.prev).toBeUndefined();
  });

  it("uses whatever origin the request came to", async () => {
    const { body } = await getJson(server.fetch, "https://space.example:8443/api/voice/logs?page_size=2");
    expect(body.links.next?.startsWith("https://space.example:8443/api/voice/logs?page_number=1&")).toBe(
      true,
    );
  });

  it("walks back with links.prev to the same pages, and page 0 has no prev", async () => {
    const forward = await walk(server.fetch, logsUrl({ page_size: 2 }));
    expect(forward.map((page) => page.data.length)).toEqual([2, 2, 2, 1]);
    const backward = [forward.at(-1)];
    for (let prev = forward.at(-1)?.links.prev; prev; ) {
      const { body }: { body: ListVoiceLogsResponse } = await getJson(server.fetch, prev);
      backward.unshift(body);
      prev = body.links.prev;
    }
    expect(backward.map((page) => ids(page?.data ?? []))).toEqual(forward.map((page) => ids(page.data)));
    expect(backward[0]?.links.next).toBe(forward[0]?.links.next);
  });

  it("carries page_number as a counter: next is +1, prev is -1", async () => {
    const pages = await walk(server.fetch, logsUrl({ page_size: 2 }));
    pages.forEach((page, index) => {
      expect(new URL(page.links.self).searchParams.get("page_number")).toBe(String(index));
      if (index > 0)
        expect(new URL(page.links.prev ?? "").searchParams.get("page_number")).toBe(String(index - 1));
    });
  });
});

describe("keyset tokens", () => {
  it("inserting logs at the head mid-walk causes no duplicates and no gaps", async () => {
    const server = createMockServer({ logs: 1000 });
    const seen: string[] = [];
    let next: string | undefined = logsUrl({ page_size: 100 });
    let requests = 0;
    while (next) {
      const { body }: { body: ListVoiceLogsResponse } = await getJson(server.fetch, next);
      seen.push(...ids(body.data));
      next = body.links.next;
      if (++requests % 2 === 0) server.insertLogs(37);
    }
    expect(requests).toBe(10);
    expect(new Set(seen).size).toBe(seen.length);
    const original = createMockServer({ logs: 1000 });
    const expected = (await walk(original.fetch, logsUrl({ page_size: 1000 }))).flatMap((page) =>
      ids(page.data),
    );
    expect(seen).toEqual(expected);
  });

  it("shows inserted logs at the head of the first page, newest first", async () => {
    const server = createMockServer({ logs: 10 });
    const before = await getJson(server.fetch, logsUrl({ page_size: 20 }));
    server.insertLogs(3);
    const after = await getJson(server.fetch, logsUrl({ page_size: 20 }));
    expect(after.body.data).toHaveLength(13);
    expect(ids(after.body.data.slice(3))).toEqual(ids(before.body.data));
    const times = after.body.data.map((log) => Date.parse(log.created_at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("prev from page 1 after inserts returns the logs just newer than the page, not the new head", async () => {
    const server = createMockServer({ logs: 10 });
    const [page0, page1] = await walk(server.fetch, logsUrl({ page_size: 5 }));
    server.insertLogs(4);
    const { body } = await getJson(server.fetch, page1?.links.prev ?? "");
    expect(ids(body.data)).toEqual(ids(page0?.data ?? []));
  });

  it.each([
    ["a tampered id", (token: string) => `${token.slice(0, -1)}${token.endsWith("0") ? "1" : "0"}`],
    ["an unknown prefix", (token: string) => `PC${token.slice(2)}`],
    ["no id", () => "PA"],
    ["a random uuid", () => "PA123e4567-e89b-42d3-a456-426614174000"],
    ["an upper-case id", (token: string) => `PA${token.slice(2).toUpperCase()}`],
    ["an empty token", () => ""],
  ])("rejects %s with 422 page_token_is_invalid", async (_name, tamper) => {
    const server = createMockServer({ logs: 10 });
    const { body } = await getJson(server.fetch, logsUrl({ page_size: 2 }));
    const token = new URL(body.links.next ?? "").searchParams.get("page_token") ?? "";
    const answer = await getJson<{ errors: { code: string }[] }>(
      server.fetch,
      logsUrl({ page_number: 1, page_size: 2, page_token: tamper(token) }),
    );
    expect(answer.status).toBe(422);
    expect(answer.body.errors.map((error) => error.code)).toEqual(["page_token_is_invalid"]);
  });

  it("rejects a token of another seed, and of a log not inserted yet", async () => {
    const other = createMockServer({ logs: 10, seed: 2 });
    const grown = createMockServer({ logs: 10 });
    grown.insertLogs(1);
    const fromOther = (await getJson(other.fetch, logsUrl({ page_size: 2 }))).body.links.next ?? "";
    const fromGrown = (await getJson(grown.fetch, logsUrl({ page_size: 1 }))).body.links.next ?? "";
    const server = createMockServer({ logs: 10 });
    for (const link of [fromOther, fromGrown]) {
      expect((await server.fetch(link, { headers: AUTH })).status).toBe(422);
    }
  });

  it("accepts a token with page_number 0", async () => {
    const server = createMockServer({ logs: 10 });
    const first = await getJson(server.fetch, logsUrl({ page_size: 4 }));
    const token = new URL(first.body.links.next ?? "").searchParams.get("page_token") ?? "";
    const { status, body } = await getJson(server.fetch, logsUrl({ page_size: 4, page_token: token }));
    expect(status).toBe(200);
    expect(body.data).toHaveLength(4);
    expect(body.links.prev).toBeUndefined();
  });

  it("works in process the same way as over HTTP", async () => {
    const server = createMockServer({ logs: 2500 });
    const pages = await walk(server.fetch, `${ORIGIN}/api/voice/logs?page_size=1000`);
    expect(pages.map((page) => page.data.length)).toEqual([1000, 1000, 500]);
  });
});
