import { inspect } from "node:util";
import { VoiceError } from "@signalwire-voice/client";
import { createMockServer, type RunningMockServer, startMockServer } from "@signalwire-voice/mock-server";
import { collect, sendJson, settle, startTestServer, type TestServer } from "@signalwire-voice/test-utils";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cursorOf, type ListClient, paginate, UnsafeNextLinkError } from "../src/index.js";
import { CREDENTIALS, PROJECT_ID, TOKEN, voiceClient } from "./helpers/voice-client.js";

// The mock server, a list server whose next links the test writes, and the "other origin": a
// real second server on another port that must never receive a request.
let mock: RunningMockServer;
let crafted: TestServer;
let other: TestServer;
/** The next link the crafted server puts on its first page; its second page is the last. */
let nextLink: (origin: string) => string;
beforeAll(async () => {
  mock = await startMockServer({ logs: 300 });
  other = await startTestServer();
  crafted = await startTestServer((_, response, url, origin) => {
    const last = url.searchParams.has("page_token");
    const log = { id: last ? "second" : "first", created_at: "2026-01-01T00:00:00Z", discarded_at: "x" };
    const self = `${origin}${url.pathname}${url.search}`;
    sendJson(response, {
      links: last ? { self, first: self } : { self, first: self, next: nextLink(origin) },
      data: [log],
    });
  });
});
afterAll(async () => {
  await mock.close();
  await crafted.close();
  await other.close();
});
beforeEach(() => {
  mock.clearFaults();
  mock.clearRequests();
  crafted.requests.length = 0;
  other.requests.length = 0;
});

const craftedClient = () => voiceClient({ baseUrl: `${crafted.url}/api/voice` });

describe("a next link on another origin (a real second server)", () => {
  it.each([0, 1])(
    "is refused with UnsafeNextLinkError (prefetch %i); the other server receives nothing",
    async (prefetch) => {
      mock.addFault({ nth: 2, fault: { type: "foreign-next", origin: other.url } });
      const seen: string[] = [];
      const { error } = await settle(
        (async () => {
          for await (const log of paginate(voiceClient(mock), "/logs", { pageSize: 100, prefetch }))
            seen.push(log.id);
        })(),
      );
      expect(error).toBeInstanceOf(UnsafeNextLinkError);
      expect(error).toBeInstanceOf(VoiceError);
      expect(error).toMatchObject({
        link: `${other.url}/api/voice/logs`,
        expected: `${mock.baseUrl}/logs`,
      });
      expect((error as Error).message).toBe(
        `paginate: refused next link ${other.url}/api/voice/logs (nothing sent): it is off origin; the page was ${mock.baseUrl}/logs.`,
      );
      // Page 1 was handed over; page 2, whose link was refused, was not: its cursor refetches it.
      expect(seen).toHaveLength(100);
      expect(cursorOf(error)).toMatch(/^\/logs\?page_number=1&page_size=100&page_token=PA/);
      expect(mock.requests).toHaveLength(2);
      expect(other.requests).toEqual([]);
    },
  );

  it("on the last page too (the fault's link points at its own path there)", async () => {
    mock.addFault({ nth: 3, fault: { type: "foreign-next", origin: other.url } });
    const { error } = await settle(paginate(voiceClient(mock), "/logs", { pageSize: 100 }).toArray());
    expect(error).toBeInstanceOf(UnsafeNextLinkError);
    expect(other.requests).toEqual([]);
  });
});

describe("each next link: followed through the client's own base URL, or refused", () => {
  // [what, the link given the crafted server's origin, refused because …, or undefined: followed]
  const table: [string, (origin: string) => string, string | undefined][] = [
    [
      "absolute, same origin and path",
      (origin) => `${origin}/api/voice/logs?page_token=PA1&page_size=1`,
      undefined,
    ],
    ["relative to the host", () => "/api/voice/logs?page_token=PA1&page_size=1", undefined],
    ["a bare query", () => "?page_token=PA1&page_size=1", undefined],
    ["with a fragment", (origin) => `${origin}/api/voice/logs?page_token=PA1#top`, undefined],
    [
      "with our credentials as userinfo",
      (origin) => origin.replace("//", `//${PROJECT_ID}:${TOKEN}@`),
      "carries the client's credentials",
    ],
    [
      "with the token in its query",
      (origin) => `${origin}/api/voice/logs?page_token=PA1&t=${TOKEN}`,
      "carries the client's credentials",
    ],
    [
      "with the token percent-encoded in its query",
      (origin) =>
        `${origin}/api/voice/logs?page_token=PA1&t=${[...TOKEN].map((c) => `%${c.charCodeAt(0).toString(16)}`).join("")}`,
      "carries the client's credentials",
    ],
    [
      "with the Basic credentials in its query",
      (origin) => `${origin}/api/voice/logs?page_token=PA1&auth=${btoa(`${PROJECT_ID}:${TOKEN}`)}`,
      "carries the client's credentials",
    ],
    [
      "with 8 characters of the token in its path",
      (origin) => `${origin}/api/${TOKEN.slice(1, 9)}/logs?page_token=PA1`,
      "carries the client's credentials",
    ],
    [
      "with a user only",
      (origin) => `${origin.replace("//", "//someone@")}/api/voice/logs?page_token=PA1`,
      "has userinfo",
    ],
    ["on another path", (origin) => `${origin}/api/voice/calls?page_token=PA1`, "is off path"],
    [
      "on a path that only starts the same",
      (origin) => `${origin}/api/voice/logs/../logs2?page_token=PA1`,
      "is off path",
    ],
    [
      "on another port (the second server)",
      () => `${other.url}/api/voice/logs?page_token=PA1`,
      "is off origin",
    ],
    [
      "on another scheme",
      (origin) => `${origin.replace("http:", "https:")}/api/voice/logs?page_token=PA1`,
      "is off origin",
    ],
    [
      "on another name for the same host",
      (origin) => `${origin.replace("127.0.0.1", "localhost")}/api/voice/logs`,
      "is off origin",
    ],
    ["protocol-relative, elsewhere", () => `//${new URL(other.url).host}/api/voice/logs`, "is off origin"],
    ["a javascript: URL", () => "javascript:alert(1)", "is off origin"],
    ["not a URL at all", () => "http://[::1", "is not checkable"],
  ];

  it.each(table)("%s", async (_, link, refused) => {
    nextLink = link;
    const { value, error } = await settle(paginate(craftedClient(), "/logs").toArray());
    if (refused === undefined) {
      expect(value?.map((log) => log.id)).toEqual(["first", "second"]);
      const second = new URL(crafted.requests[1]?.url ?? "", crafted.url);
      // The link's query, sent to the client's own base URL (and with its credentials).
      expect(second.pathname).toBe("/api/voice/logs");
      expect(second.searchParams.get("page_token")).toBe("PA1");
      expect(crafted.requests[1]?.headers.authorization).toBe(`Basic ${CREDENTIALS}`);
    } else {
      expect(error).toBeInstanceOf(UnsafeNextLinkError);
      expect((error as Error).message).toContain(
        `: it ${refused}; the page was ${crafted.url}/api/voice/logs.`,
      );
      expect(crafted.requests).toHaveLength(1);
      // Neither the link's userinfo nor the client's credentials appear anywhere in the error.
      for (const shown of [
        (error as Error).message,
        JSON.stringify(error),
        inspect(error),
        (error as Error).stack,
      ]) {
        expect(shown).not.toContain(TOKEN);
        expect(shown).not.toContain(CREDENTIALS);
        expect(shown).not.toContain("someone");
      }
    }
    expect(other.requests).toEqual([]);
  });
});

describe("which URL a next link is checked against", () => {
  it("in process, where Response.url is empty: the URL the client built (its own base URL)", async () => {
    const inProcess = createMockServer({ logs: 250 });
    const client = voiceClient({ baseUrl: "http://mock.test/api/voice" }, { fetch: inProcess.fetch });
    const answer = await client.GET("/logs", { params: { query: { page_size: 1 } } });
    expect(answer.response.url).toBe("");
    const logs = await paginate(client, "/logs", { pageSize: 100 }).toArray();
    expect(logs).toHaveLength(250);
  });

  it("in process, a foreign next link is refused all the same", async () => {
    const inProcess = createMockServer({
      logs: 250,
      faults: [{ nth: 1, fault: { type: "foreign-next", origin: other.url } }],
    });
    const client = voiceClient({ baseUrl: "http://mock.test/api/voice" }, { fetch: inProcess.fetch });
    const { error } = await settle(paginate(client, "/logs", { pageSize: 100 }).toArray());
    expect(error).toMatchObject({ name: "UnsafeNextLinkError", expected: "http://mock.test/api/voice/logs" });
    expect(other.requests).toEqual([]);
  });

  /** A client that is not openapi-fetch: it runs no middleware, so only `response.url` can tell. */
  function plainClient(url: (request: string) => string): ListClient {
    return {
      async GET(...args: never[]) {
        const [path, init] = args as unknown as [string, { params: { query: Record<string, string> } }];
        const request = `${mock.baseUrl}${path}?${new URLSearchParams(init.params.query)}`;
        const response = await fetch(request, { headers: { authorization: `Basic ${CREDENTIALS}` } });
        const data = await response.json();
        return { data, response: Object.defineProperty(response, "url", { value: url(request) }) };
      },
    };
  }

  it("a client that runs no middleware: the response's URL", async () => {
    const logs = await collect(paginate(plainClient((request) => request) as never, "/logs" as never));
    expect(logs).toHaveLength(300);
  });

  it("neither (no middleware, Response.url empty): refused rather than guessed", async () => {
    const { error } = await settle(
      paginate(plainClient(() => "") as never, "/logs" as never, { pageSize: 100 }).toArray(),
    );
    expect(error).toBeInstanceOf(UnsafeNextLinkError);
    expect((error as Error).message).toContain("it is not checkable; the page was unknown.");
    expect(mock.requests).toHaveLength(1);
  });
});

describe("what a walk's errors show passes the client's redaction", () => {
  it("a cursor that holds the token, refused: the InputError does not repeat it", () => {
    const cursor = `/calls?page_token=${TOKEN}`;
    let error: unknown;
    try {
      paginate(craftedClient(), "/logs", { cursor });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(VoiceError);
    expect((error as Error).message).toContain("[redacted]");
    for (const shown of [
      (error as Error).message,
      JSON.stringify(error),
      inspect(error),
      (error as Error).stack,
    ]) {
      expect(shown).not.toContain(TOKEN.slice(0, 8));
    }
  });
});
