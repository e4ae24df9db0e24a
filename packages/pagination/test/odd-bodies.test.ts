import type { ServerResponse } from "node:http";
import { UnexpectedResponseError } from "@signalwire-voice/client";
import { sendJson, settle, startTestServer, type TestServer } from "@signalwire-voice/test-utils";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cursorOf, paginate } from "../src/index.js";
import { voiceClient } from "./helpers/voice-client.js";

// A success status with a body that is no page of a list: a typed error that says what was
// wrong, with the cursor of the page to resume from, never a TypeError or items made up.

/** What the second page answers, as the test sets it. */
let answer: (response: ServerResponse) => void;
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer((_, response, url, origin) => {
    if (url.searchParams.has("page_token")) return answer(response);
    const next = `${origin}${url.pathname}?page_size=1000&page_token=P2`;
    sendJson(response, {
      links: { self: `${origin}${url.pathname}${url.search}`, next },
      data: [{ id: "1" }],
    });
  });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});
const client = () => voiceClient({ baseUrl: `${server.url}/api/voice` });

describe("a 200 whose body is no list page: UnexpectedResponseError, with the page's cursor", () => {
  it.each<[string, unknown, string]>([
    [
      'data: "abc" (not walked as "a", "b", "c")',
      { links: {}, data: "abc" },
      "data is a string, expected a list",
    ],
    ["data: an object", { links: {}, data: { id: "2" } }, "data is an object, expected a list"],
    ["data: a number", { links: {}, data: 3 }, "data is a number, expected a list"],
    ["data: null", { links: {}, data: null }, "data is null, expected a list"],
    ["no data", { links: {} }, "data is missing, expected a list"],
    ["no links", { data: [] }, "links is missing, expected an object"],
    ["links: null", { links: null, data: [] }, "links is null, expected an object"],
    ['links: "x"', { links: "x", data: [] }, "links is a string, expected an object"],
    [
      "links.next: a number",
      { links: { next: 2 }, data: [] },
      "links.next is a number, expected a URL or null",
    ],
    [
      "links.next: an object",
      { links: { next: { href: "/x" } }, data: [] },
      "links.next is an object, expected a URL or null",
    ],
    [
      "links.next: a list",
      { links: { next: ["/x"] }, data: [] },
      "links.next is a list, expected a URL or null",
    ],
    ["a body of []", [], "the body is a list, expected an object"],
    ['a body of "str"', "str", "the body is a string, expected an object"],
    ["a body of null", null, "the body is null, expected an object"],
    ["a body of 0", 0, "the body is a number, expected an object"],
  ])("%s", async (_, body, problem) => {
    answer = (response) => sendJson(response, body);
    const ids: unknown[] = [];
    const { error } = await settle(
      (async () => {
        for await (const log of paginate(client(), "/logs")) ids.push(log.id);
      })(),
    );
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error).toMatchObject({
      status: 200,
      problem,
      url: `${server.url}/api/voice/logs?page_size=1000&page_token=P2`,
    });
    expect((error as Error).message).toBe(
      `paginate: ${server.url}/api/voice/logs?page_size=1000&page_token=P2 answered 200, but ${problem}; resume from error.cursor once it answers a page.`,
    );
    // The page before was handed over; the broken one is where to resume.
    expect(ids).toEqual(["1"]);
    expect(cursorOf(error)).toBe("/logs?page_size=1000&page_token=P2");
    expect(server.requests).toHaveLength(2);
  });

  it.each<[string, (response: ServerResponse) => void, number]>([
    ["an empty 200", (response) => response.writeHead(200, { "content-length": "0" }).end(), 200],
    ["a 204", (response) => response.writeHead(204).end(), 204],
  ])("%s: the body is missing", async (_, send, status) => {
    answer = send;
    const { error } = await settle(paginate(client(), "/logs").toArray());
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error).toMatchObject({ status, problem: "the body is missing, expected an object" });
    expect(cursorOf(error)).toBe("/logs?page_size=1000&page_token=P2");
  });

  it("links.next null or absent, data a list: the last page, no error", async () => {
    for (const links of [{ next: null }, {}]) {
      answer = (response) => sendJson(response, { links, data: [{ id: "2" }] });
      expect((await paginate(client(), "/logs").toArray()).map((log) => log.id)).toEqual(["1", "2"]);
    }
  });
});

describe("a page of 200 000 items", () => {
  it("toArray() collects it (no spread of a page into push's arguments)", async () => {
    const big = await startTestServer((_, response, url, origin) => {
      const data = Array.from({ length: 200_000 }, (_, id) => ({ id }));
      sendJson(response, { links: { self: `${origin}${url.pathname}` }, data });
    });
    try {
      const items = await paginate(voiceClient({ baseUrl: `${big.url}/api/voice` }), "/logs").toArray();
      expect(items).toHaveLength(200_000);
      expect(items[199_999]).toEqual({ id: 199_999 });
    } finally {
      await big.close();
    }
  });
});
