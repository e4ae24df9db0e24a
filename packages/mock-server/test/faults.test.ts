import { request as httpRequest } from "node:http";
import type { ListVoiceLogsResponse } from "@signalwire-voice/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMockServer, type FaultRule, type RunningMockServer, startMockServer } from "../src/index.js";
import { AUTH, getJson, LOGS_URL, logsUrl, ORIGIN } from "./helpers.js";

const statuses = async (server: { fetch: typeof fetch }, count: number, url = LOGS_URL) => {
  const seen: number[] = [];
  for (let k = 0; k < count; k++) seen.push((await server.fetch(url, { headers: AUTH })).status);
  return seen;
};

describe("choosing requests", () => {
  it.each<[string, Omit<FaultRule, "fault">, number[]]>([
    ["nth: [2, 3]", { nth: [2, 3] }, [200, 503, 503, 200, 200]],
    ["nth: 4", { nth: 4 }, [200, 200, 200, 503, 200]],
    ["first: 2", { first: 2 }, [503, 503, 200, 200, 200]],
    ["first: 0", { first: 0 }, [200, 200, 200, 200, 200]],
    ["no selector: every request", {}, [503, 503, 503, 503, 503]],
    ["probability 0", { probability: 0 }, [200, 200, 200, 200, 200]],
    ["probability 1", { probability: 1 }, [503, 503, 503, 503, 503]],
    ["nth and first together", { nth: [1, 3], first: 2 }, [503, 200, 200, 200, 200]],
  ])("%s", async (_name, selector, want) => {
    const server = createMockServer({
      logs: 5,
      faults: [{ ...selector, fault: { type: "server-error", status: 503 } }],
    });
    expect(await statuses(server, 5)).toEqual(want);
  });

  it("by path: counts only requests on that path", async () => {
    const server = createMockServer({ logs: 5 });
    server.addFault({ path: "/api/voice/logs", nth: 2, fault: { type: "server-error", status: 500 } });
    expect(await statuses(server, 1, `${ORIGIN}/elsewhere`)).toEqual([404]);
    expect(await statuses(server, 3)).toEqual([200, 500, 200]);
  });

  it("by seeded probability: the same seed gives the same requests, about the share asked", async () => {
    const run = async (seed: number | string) => {
      const server = createMockServer({
        logs: 1,
        seed,
        faults: [{ probability: 0.3, fault: { type: "rate-limit" } }],
      });
      return (await statuses(server, 200)).map((status) => (status === 429 ? "x" : ".")).join("");
    };
    const first = await run(1);
    expect(await run(1)).toBe(first);
    expect(await run(2)).not.toBe(first);
    expect(first.split("x").length - 1).toBeGreaterThan(40);
    expect(first.split("x").length - 1).toBeLessThan(80);
  });

  it("a rule's own seed overrides the server's", async () => {
    const rule: FaultRule = { probability: 0.5, seed: "faults", fault: { type: "rate-limit" } };
    const a = createMockServer({ logs: 1, seed: 1, faults: [rule] });
    const b = createMockServer({ logs: 1, seed: 2, faults: [rule] });
    expect(await statuses(a, 40)).toEqual(await statuses(b, 40));
  });

  it("the first rule that selects a request wins, and every rule counts it", async () => {
    const server = createMockServer({ logs: 1 });
    server.addFault({ first: 1, fault: { type: "rate-limit" } });
    server.addFault({ nth: [1, 2], fault: { type: "server-error", status: 502 } });
    expect(await statuses(server, 3)).toEqual([429, 502, 200]);
  });

  it("counts from when the rule was added; clearFaults removes every rule", async () => {
    const server = createMockServer({ logs: 1 });
    await statuses(server, 2);
    server.addFault({ nth: 1, fault: { type: "server-error", status: 500 } });
    expect(await statuses(server, 2)).toEqual([500, 200]);
    server.addFault({ fault: { type: "server-error", status: 500 } });
    server.clearFaults();
    expect(await statuses(server, 2)).toEqual([200, 200]);
  });

  it.each<[string, unknown, RegExp]>([
    ["an unknown type", { fault: { type: "explode" } }, /fault\.type must be rate-limit, server-error/],
    [
      "a 404 server error",
      { fault: { type: "server-error", status: 404 } },
      /fault\.status must be 500, 502 or 503; got 404/,
    ],
    [
      "a probability above 1",
      { probability: 2, fault: { type: "reset" } },
      /probability must be a number from 0 to 1/,
    ],
    ["nth 0", { nth: [0], fault: { type: "reset" } }, /nth must be a 1-based request number/],
    ["a relative path", { path: "api/voice/logs", fault: { type: "reset" } }, /path must be a pathname/],
    ["a negative delay", { fault: { type: "delay", ms: -1 } }, /fault\.ms must be whole milliseconds/],
    [
      "a foreign origin that is not a URL",
      { fault: { type: "foreign-next", origin: "nope" } },
      /fault\.origin/,
    ],
    ["no fault", {}, /fault must be an object/],
  ])("refuses %s", (_name, rule, message) => {
    expect(() => createMockServer().addFault(rule as FaultRule)).toThrow(message);
  });
});

describe("effects, in process", () => {
  const server = createMockServer({ logs: 30 });
  const once = async (rule: Omit<FaultRule, "nth">, url = logsUrl({ page_size: 5 })) => {
    server.clearFaults();
    server.addFault({ ...rule, nth: 1 } as FaultRule);
    return server.fetch(url, { headers: AUTH });
  };

  it.each([
    [{ type: "rate-limit" } as const, 429, { error: "Too Many Requests" }, "1"],
    [{ type: "rate-limit", retryAfter: 7 } as const, 429, { error: "Too Many Requests" }, "7"],
    [{ type: "server-error", status: 500 } as const, 500, { error: "Internal Server Error" }, null],
    [{ type: "server-error", status: 502 } as const, 502, { error: "Bad Gateway" }, null],
    [
      { type: "server-error", status: 503, retryAfter: 2 } as const,
      503,
      { error: "Service Unavailable" },
      "2",
    ],
  ])("%j → %i", async (fault, status, body, retryAfter) => {
    const response = await once({ fault });
    expect([response.status, await response.json(), response.headers.get("retry-after")]).toEqual([
      status,
      body,
      retryAfter,
    ]);
  });

  it("delay: answers normally afterwards", async () => {
    const response = await once({ fault: { type: "delay", ms: 1 } });
    expect(response.status).toBe(200);
  });

  it("delay: an aborted request stops waiting and rejects with the abort reason", async () => {
    server.clearFaults();
    server.addFault({ fault: { type: "delay", ms: 60_000 } });
    const controller = new AbortController();
    const pending = server.fetch(LOGS_URL, { headers: AUTH, signal: controller.signal });
    controller.abort(new Error("client gave up"));
    await expect(pending).rejects.toThrow("client gave up");
  });

  it("reset: rejects like Node's fetch on ECONNRESET", async () => {
    const error = await once({ fault: { type: "reset" } }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(TypeError);
    expect(error).toMatchObject({ message: "fetch failed", cause: { code: "ECONNRESET" } });
  });

  it("truncate: full Content-Length, then the body stream fails", async () => {
    const response = await once({ fault: { type: "truncate", bytes: 10 } });
    expect(response.status).toBe(200);
    expect(Number(response.headers.get("content-length"))).toBeGreaterThan(1000);
    await expect(response.text()).rejects.toThrow("terminated");
  });

  it("truncate never sends the whole body, however many bytes are asked for", async () => {
    const response = await once(
      { fault: { type: "truncate", bytes: 10_000_000 } },
      logsUrl({ page_size: 1 }),
    );
    const declared = Number(response.headers.get("content-length"));
    const reader = response.body?.getReader();
    const chunk = await reader?.read();
    expect(chunk?.value?.length).toBe(declared - 1);
    await expect(reader?.read()).rejects.toThrow("terminated");
  });

  it("invalid-json: 200 with a consistent Content-Length and a body JSON.parse rejects", async () => {
    const response = await once({ fault: { type: "invalid-json" } });
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(Number(response.headers.get("content-length"))).toBe(Buffer.byteLength(text));
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it("foreign-next: links.next on the given origin, same path and query", async () => {
    const normal = await getJson(server.fetch, logsUrl({ page_size: 5 }));
    const response = await once({ fault: { type: "foreign-next", origin: "http://127.0.0.1:9/ignored" } });
    const { links } = (await response.json()) as ListVoiceLogsResponse;
    expect(links.next).toBe((normal.body.links.next ?? "").replace(ORIGIN, "http://127.0.0.1:9"));
    expect(links.self).toBe(normal.body.links.self);
  });

  it("foreign-next on the last page still links away", async () => {
    const response = await once(
      { fault: { type: "foreign-next", origin: "http://other.test" } },
      logsUrl({ page_size: 1000 }),
    );
    const { links } = (await response.json()) as ListVoiceLogsResponse;
    expect(links.next).toBe("http://other.test/api/voice/logs?page_number=0&page_size=1000");
  });

  it("repeat-next: links.next is the page's own URL", async () => {
    const response = await once({ fault: { type: "repeat-next" } });
    const { links } = (await response.json()) as ListVoiceLogsResponse;
    expect(links.next).toBe(links.self);
  });

  it("faults that act on the answer leave errors alone", async () => {
    server.clearFaults();
    server.addFault({ fault: { type: "repeat-next" } });
    expect((await server.fetch(LOGS_URL)).status).toBe(401);
  });
});

describe("effects over real HTTP", () => {
  let server: RunningMockServer;
  beforeAll(async () => {
    server = await startMockServer({ logs: 200 });
  });
  afterAll(() => server.close());

  /** A raw GET: status, the declared Content-Length, the bytes that arrived and how it ended. */
  const rawGet = (path: string) =>
    new Promise<{
      status: number | undefined;
      declared: number | undefined;
      received: number;
      ended: string;
    }>((resolve) => {
      let received = 0;
      const result = (ended: string, status?: number, declared?: number) => ({
        status,
        declared,
        received,
        ended,
      });
      const req = httpRequest(`${server.url}${path}`, { headers: AUTH, agent: false }, (res) => {
        const declared = Number(res.headers["content-length"]);
        res.on("data", (chunk: Buffer) => {
          received += chunk.length;
        });
        res.on("end", () => resolve(result("end", res.statusCode, declared)));
        res.on("error", (error: NodeJS.ErrnoException) =>
          resolve(result(error.code ?? error.message, res.statusCode, declared)),
        );
      });
      req.on("error", (error: NodeJS.ErrnoException) => resolve(result(error.code ?? error.message)));
      req.end();
    });

  it("reset destroys the socket before any answer", async () => {
    server.clearFaults();
    server.addFault({ nth: 1, fault: { type: "reset" } });
    expect(await rawGet("/api/voice/logs")).toEqual({
      status: undefined,
      declared: undefined,
      received: 0,
      ended: "ECONNRESET",
    });
    expect((await getJson(fetch, `${server.baseUrl}/logs`)).status).toBe(200);
  });

  it("reset makes Node's fetch reject with ECONNRESET", async () => {
    server.clearFaults();
    server.addFault({ nth: 1, fault: { type: "reset" } });
    const error = await fetch(`${server.baseUrl}/logs`, { headers: AUTH }).catch((reason: unknown) => reason);
    expect(error).toMatchObject({ message: "fetch failed", cause: { code: "ECONNRESET" } });
  });

  it("truncate sends a Content-Length larger than what arrives, then closes", async () => {
    server.clearFaults();
    server.addFault({ nth: 1, fault: { type: "truncate", bytes: 100 } });
    const got = await rawGet("/api/voice/logs?page_size=50");
    expect(got).toMatchObject({ status: 200, received: 100, ended: "ECONNRESET" });
    expect(got.declared).toBeGreaterThan(100);
  });

  it("truncate makes Node's fetch fail while reading the body", async () => {
    server.clearFaults();
    server.addFault({ nth: 1, fault: { type: "truncate" } });
    const response = await fetch(`${server.baseUrl}/logs`, { headers: AUTH });
    await expect(response.text()).rejects.toThrow("terminated");
  });

  it("invalid-json arrives whole: Content-Length matches", async () => {
    server.clearFaults();
    server.addFault({ nth: 1, fault: { type: "invalid-json" } });
    const got = await rawGet("/api/voice/logs");
    expect(got.ended).toBe("end");
    expect(got.received).toBe(got.declared);
  });

  it("delay: a client that gives up leaves the server serving", async () => {
    server.clearFaults();
    server.addFault({ nth: 1, fault: { type: "delay", ms: 60_000 } });
    server.clearRequests();
    const controller = new AbortController();
    const pending = fetch(`${server.baseUrl}/logs`, { headers: AUTH, signal: controller.signal });
    while (server.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    await expect(pending).rejects.toThrow();
    expect((await getJson(fetch, `${server.baseUrl}/logs`)).status).toBe(200);
  });

  it.each([
    [{ type: "rate-limit", retryAfter: 3 } as const, 429],
    [{ type: "server-error", status: 502 } as const, 502],
  ])("%j answers %i over HTTP too", async (fault, status) => {
    server.clearFaults();
    server.addFault({ nth: 1, fault });
    expect((await fetch(`${server.baseUrl}/logs`, { headers: AUTH })).status).toBe(status);
  });
});

describe("faults on a log and its events", async () => {
  const server = createMockServer({ logs: 5 });
  const { body } = await getJson(server.fetch, LOGS_URL);
  const [a, b] = body.data.map((log) => log.id) as [string, string];
  const urls = {
    list: LOGS_URL,
    logA: `${LOGS_URL}/${a}`,
    eventsA: `${LOGS_URL}/${a}/events`,
    logB: `${LOGS_URL}/${b}`,
    eventsB: `${LOGS_URL}/${b}/events`,
  };
  /** The status of each URL, requested in this order. */
  const statusesOf = async (rule: FaultRule) => {
    server.clearFaults();
    server.addFault(rule);
    const seen: Record<string, number> = {};
    for (const [name, url] of Object.entries(urls))
      seen[name] = (await server.fetch(url, { headers: AUTH })).status;
    return seen;
  };
  const fault = { type: "server-error", status: 503 } as const;

  it.each<[string, Omit<FaultRule, "fault">, Record<keyof typeof urls, number>]>([
    ["no path: every request", {}, { list: 503, logA: 503, eventsA: 503, logB: 503, eventsB: 503 }],
    [
      "{id}/events: the events of every log",
      { path: "/api/voice/logs/{id}/events" },
      { list: 200, logA: 200, eventsA: 503, logB: 200, eventsB: 503 },
    ],
    [
      "{id}: every log, not its events",
      { path: "/api/voice/logs/{id}" },
      { list: 200, logA: 503, eventsA: 200, logB: 503, eventsB: 200 },
    ],
    [
      "one log's exact path",
      { path: `/api/voice/logs/${a}` },
      { list: 200, logA: 503, eventsA: 200, logB: 200, eventsB: 200 },
    ],
    [
      "{id}/events, nth 2: counts only the requests on that path",
      { path: "/api/voice/logs/{id}/events", nth: 2 },
      { list: 200, logA: 200, eventsA: 200, logB: 200, eventsB: 503 },
    ],
  ])("%s", async (_name, selector, want) => {
    expect(await statusesOf({ ...selector, fault })).toEqual(want);
  });

  it("{id} stands for one whole segment, never for a slash or nothing", async () => {
    server.clearFaults();
    server.addFault({ path: "/api/voice/logs/{id}", fault });
    for (const url of [
      `${ORIGIN}/api/voice/logs/`,
      `${ORIGIN}/api/voice/logs/x/y`,
      `${ORIGIN}/api/voice/logs`,
    ]) {
      expect((await server.fetch(url, { headers: AUTH })).status).not.toBe(503);
    }
    expect((await server.fetch(`${ORIGIN}/api/voice/logs/not-a-uuid`, { headers: AUTH })).status).toBe(503);
  });

  it("truncate and invalid-json cut a log's body too", async () => {
    server.clearFaults();
    server.addFault({ nth: 1, fault: { type: "truncate" } });
    await expect((await server.fetch(urls.eventsA, { headers: AUTH })).text()).rejects.toThrow("terminated");
    server.clearFaults();
    server.addFault({ nth: 1, fault: { type: "invalid-json" } });
    const text = await (await server.fetch(urls.logA, { headers: AUTH })).text();
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it("foreign-next and repeat-next leave a log and its events as they are", async () => {
    server.clearFaults();
    const normal = [await getJson(server.fetch, urls.logA), await getJson(server.fetch, urls.eventsA)];
    for (const bend of [
      { type: "foreign-next", origin: "http://other.test" },
      { type: "repeat-next" },
    ] as const) {
      server.clearFaults();
      server.addFault({ fault: bend });
      expect([await getJson(server.fetch, urls.logA), await getJson(server.fetch, urls.eventsA)]).toEqual(
        normal,
      );
    }
  });

  it("a reset over real HTTP on the events path", async () => {
    const running = await startMockServer({
      logs: 5,
      faults: [{ path: "/api/voice/logs/{id}/events", first: 1, fault: { type: "reset" } }],
    });
    try {
      const url = `${running.baseUrl}/logs/${a}/events`;
      const error = await fetch(url, { headers: AUTH }).catch((reason: unknown) => reason);
      expect(error).toMatchObject({ message: "fetch failed", cause: { code: "ECONNRESET" } });
      expect((await fetch(url, { headers: AUTH })).status).toBe(200);
      expect((await fetch(`${running.baseUrl}/logs/${a}`, { headers: AUTH })).status).toBe(200);
    } finally {
      await running.close();
    }
  });
});
