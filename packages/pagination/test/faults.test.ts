import { AbortError, ApiError, NetworkError } from "@signalwire-voice/client";
import {
  type Fault,
  type FaultRule,
  type RunningMockServer,
  startMockServer,
} from "@signalwire-voice/mock-server";
import { collect, settle } from "@signalwire-voice/test-utils";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { cursorOf, paginate } from "../src/index.js";
import { queries, voiceClient } from "./helpers/voice-client.js";

let server: RunningMockServer;
/** Every id of the 1000 logs, in order, from one clean walk. */
let want: string[];
beforeAll(async () => {
  server = await startMockServer({ logs: 1000, seed: "faults" });
  want = (await paginate(voiceClient(server), "/logs").toArray()).map((log) => log.id);
});
afterAll(() => server.close());
beforeEach(() => {
  server.clearFaults();
  server.clearRequests();
});

const attempts = () => server.requests.map((request) => request.headers["x-attempt"]);

describe("faults mid-walk are retried by the client: every item exactly once", () => {
  it.each<[string, Fault]>([
    ["503", { type: "server-error", status: 503 }],
    ["502 with Retry-After 0", { type: "server-error", status: 502, retryAfter: 0 }],
    ["429", { type: "rate-limit", retryAfter: 0 }],
    ["a connection reset", { type: "reset" }],
    ["a truncated body", { type: "truncate" }],
    ["a body that is not JSON", { type: "invalid-json" }],
  ])("%s on the third request", async (_, fault) => {
    server.addFault({ nth: 3, fault });
    const ids = (await collect(paginate(voiceClient(server), "/logs", { pageSize: 100 }))).map(
      (log) => log.id,
    );
    expect(ids).toEqual(want);
    // 10 pages, one of them asked twice: the client's retry, not a second walk.
    expect(attempts()).toEqual(["1", "1", "1", "2", ...Array(7).fill("1")]);
    expect(queries(server)[2]).toEqual(queries(server)[3]);
  });

  it("a seeded 30 % mix of 503, 429 and resets over 50 pages", async () => {
    const faults: FaultRule[] = [
      { probability: 0.1, seed: 1, fault: { type: "server-error", status: 503 } },
      { probability: 0.1, seed: 2, fault: { type: "rate-limit", retryAfter: 0 } },
      { probability: 0.1, seed: 3, fault: { type: "reset" } },
    ];
    for (const rule of faults) server.addFault(rule);
    const client = voiceClient(server, { maxRetries: 10 });
    const ids = (await paginate(client, "/logs", { pageSize: 20 }).toArray()).map((log) => log.id);
    expect(ids).toEqual(want);
    expect(server.requests.length).toBeGreaterThan(50);
  });
});

describe("logs inserted at the head mid-walk", () => {
  it("cause no duplicates and no gaps: the walk sees exactly the logs there were when it began", async () => {
    const inserting = await startMockServer({ logs: 1000, seed: "faults" });
    try {
      const seen: string[] = [];
      for await (const page of paginate(voiceClient(inserting), "/logs", { pageSize: 100 }).pages()) {
        seen.push(...page.items.map((log) => log.id));
        inserting.insertLogs(37); // newer than everything: they land on page 0, already behind us
      }
      expect(seen).toEqual(want);
      // The new logs are there, for the next walk.
      const again = await paginate(voiceClient(inserting), "/logs").toArray({ limit: 2000 });
      expect(again).toHaveLength(1000 + 10 * 37);
    } finally {
      await inserting.close();
    }
  });
});

describe("a failure mid-walk carries the cursor of the page that failed", () => {
  it.each<[string, Fault, new (...args: never[]) => Error]>([
    ["503 after every retry: ApiError", { type: "server-error", status: 503 }, ApiError],
    ["resets after every retry: NetworkError", { type: "reset" }, NetworkError],
  ])("%s; resuming from it gets the rest, no item twice, none skipped", async (_, fault, ErrorClass) => {
    // maxRetries 2: requests 3, 4 and 5 are the three attempts at page 3.
    server.addFault({ nth: [3, 4, 5], fault });
    const seen: string[] = [];
    const walk = (cursor?: string) =>
      settle(
        (async () => {
          for await (const log of paginate(voiceClient(server), "/logs", { pageSize: 100, cursor })) {
            seen.push(log.id);
          }
        })(),
      );
    const { error } = await walk();
    expect(error).toBeInstanceOf(ErrorClass);
    expect(seen).toHaveLength(200);
    const cursor = cursorOf(error);
    expect(cursor).toBe(`/logs?${new URLSearchParams(queries(server)[2])}`);
    expect(cursor).toMatch(/^\/logs\?page_number=2&page_size=100&page_token=PA/);

    server.clearFaults();
    server.clearRequests();
    expect(await walk(cursor)).toEqual({ value: undefined });
    expect(seen).toEqual(want);
    expect(server.requests).toHaveLength(8);
  });

  it("the first page's failure carries no cursor: start again, as before", async () => {
    server.addFault({ first: 3, fault: { type: "server-error", status: 500 } });
    const { error } = await settle(paginate(voiceClient(server), "/logs").toArray());
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(500);
    expect(cursorOf(error)).toBeUndefined();
    expect(Object.hasOwn(error as object, "cursor")).toBe(true);
  });

  it("a page's cursor, saved along the way, resumes too (pages())", async () => {
    const pages = paginate(voiceClient(server), "/logs", { pageSize: 300 }).pages();
    const first = await pages.next();
    await pages.return(undefined);
    const cursor = first.value?.cursor;
    const rest = await paginate(voiceClient(server), "/logs", { cursor }).toArray();
    expect([...(first.value?.items ?? []), ...rest].map((log) => log.id)).toEqual(want);
    // The cursor carries the page size it was made with: 300, not the default 1000.
    expect(queries(server).map((query) => query.page_size)).toEqual(["300", "300", "300", "300"]);
  });

  it("an error status the client does not retry (401): ApiError with the cursor", async () => {
    const wrong = voiceClient(server, { token: "wrong-token" });
    const { error } = await settle(collect(paginate(wrong, "/logs", { cursor: "/logs?page_size=5" })));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect(cursorOf(error)).toBe("/logs?page_size=5");
    expect(JSON.stringify(error)).not.toContain("wrong-token");
    expect(server.requests).toHaveLength(1);
  });
});

describe("abort via signal", () => {
  it("between pages: the client's AbortError, with the cursor of the page not fetched; nothing more sent", async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    const { error } = await settle(
      (async () => {
        for await (const log of paginate(voiceClient(server), "/logs", {
          pageSize: 100,
          signal: controller.signal,
        })) {
          seen.push(log.id);
          if (seen.length === 150) controller.abort(new Error("user cancelled"));
        }
      })(),
    );
    expect(error).toBeInstanceOf(AbortError);
    expect(seen).toHaveLength(200);
    expect(server.requests).toHaveLength(2);
    expect(cursorOf(error)).toMatch(/^\/logs\?page_number=2&/);
  });

  it("while a request is in flight: it is abandoned at once", async () => {
    server.addFault({ nth: 2, fault: { type: "delay", ms: 60_000 } });
    const controller = new AbortController();
    const walk = settle(
      paginate(voiceClient(server), "/logs", { pageSize: 100, signal: controller.signal }).toArray(),
    );
    await vi.waitFor(() => expect(server.requests).toHaveLength(2));
    controller.abort();
    const { error } = await walk;
    expect(error).toBeInstanceOf(AbortError);
    expect(cursorOf(error)).toMatch(/^\/logs\?page_number=1&/);
  });

  it("already aborted: nothing is sent", async () => {
    const { error } = await settle(
      paginate(voiceClient(server), "/logs", { signal: AbortSignal.abort() }).toArray(),
    );
    expect(error).toBeInstanceOf(AbortError);
    expect(server.requests).toHaveLength(0);
  });
});
