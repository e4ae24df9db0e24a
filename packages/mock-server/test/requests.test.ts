import { describe, expect, it } from "vitest";
import { createMockServer, startMockServer } from "../src/index.js";
import { AUTH, LOGS_URL, logsUrl } from "./helpers.js";

describe("the request log", () => {
  it("records method, URL and headers of every request, in order, faults included", async () => {
    const server = createMockServer({ logs: 3, faults: [{ nth: 1, fault: { type: "reset" } }] });
    await server.fetch(LOGS_URL, { headers: AUTH }).catch(() => undefined);
    await server.fetch(logsUrl({ page_size: 2 }), { headers: { ...AUTH, "X-Retry": "1" } });
    await server.fetch(`${LOGS_URL}?x=1`, { method: "POST" });
    expect(server.requests).toEqual([
      { method: "GET", url: LOGS_URL, headers: AUTH },
      { method: "GET", url: logsUrl({ page_size: 2 }), headers: { ...AUTH, "x-retry": "1" } },
      { method: "POST", url: `${LOGS_URL}?x=1`, headers: {} },
    ]);
  });

  it("records requests on every path: a log, its events, unknown ids and paths", async () => {
    const server = createMockServer({ logs: 1 });
    const urls = [
      `${LOGS_URL}/b7182dc2-00f3-40e4-a5ce-20f164b329df`,
      `${LOGS_URL}/not-a-uuid/events`,
      `${LOGS_URL}/b7182dc2-00f3-40e4-a5ce-20f164b329df/events?x=1`,
      "http://mock.test/api/voice/calls",
    ];
    for (const url of urls) await server.fetch(url, { headers: AUTH });
    await server.fetch(urls[0] ?? "", { method: "DELETE" });
    expect(server.requests.map(({ method, url }) => `${method} ${url}`)).toEqual([
      ...urls.map((url) => `GET ${url}`),
      `DELETE ${urls[0]}`,
    ]);
  });

  it("is a snapshot the server does not change later; clearRequests starts a new one", async () => {
    const server = createMockServer({ logs: 1 });
    await server.fetch(LOGS_URL);
    const before = server.requests;
    server.clearRequests();
    await server.fetch(LOGS_URL);
    expect(before).toHaveLength(1);
    expect(server.requests).toHaveLength(1);
    expect(Object.isFrozen(server.requests[0])).toBe(true);
  });

  it("shows where a client sent which credentials over HTTP", async () => {
    const server = await startMockServer({ logs: 1 });
    try {
      await fetch(`${server.baseUrl}/logs`, { headers: AUTH });
      const [request] = server.requests;
      expect(request?.url).toBe(`${server.baseUrl}/logs`);
      expect(request?.headers.authorization).toBe(AUTH.authorization);
      expect(request?.headers.host).toBe(new URL(server.url).host);
    } finally {
      await server.close();
    }
  });

  it("can be turned off", async () => {
    const server = createMockServer({ recordRequests: false });
    await server.fetch(LOGS_URL);
    expect(server.requests).toEqual([]);
  });
});
