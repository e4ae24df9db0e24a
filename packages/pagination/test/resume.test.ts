import { InputError } from "@signalwire-voice/client";
import { type RunningMockServer, startMockServer } from "@signalwire-voice/mock-server";
import { collect, settle } from "@signalwire-voice/test-utils";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type CursorState,
  cursorOf,
  cursorState,
  MaxPagesError,
  type PaginateOptions,
  paginate,
} from "../src/index.js";
import { queries, voiceClient } from "./helpers/voice-client.js";

// Every cursor a walk leaves can be saved and passed back: `undefined` starts a walk, a page's
// cursor resumes it, the last page's ends it for good (nothing sent), and a loop's stays a loop.

let server: RunningMockServer;
/** Every id of the 250 logs, in order. */
let want: string[];
beforeAll(async () => {
  server = await startMockServer({ logs: 250 });
  want = (await paginate(voiceClient(server), "/logs").toArray()).map((log) => log.id);
});
afterAll(() => server.close());
beforeEach(() => {
  server.clearFaults();
  server.clearRequests();
});

describe("the last page's cursor is an end cursor", () => {
  it("a string, not undefined: resuming from it sends nothing and yields nothing", async () => {
    const pages = await collect(paginate(voiceClient(server), "/logs", { pageSize: 100 }).pages());
    const last = pages.at(-1)?.cursor as string;
    const third = `/logs?${new URL(server.requests[2]?.url as string).searchParams}`;
    expect(last).toBe(`${third}#end`);
    expect(pages.map((page) => cursorState(page.cursor))).toEqual(["more", "more", "end"]);
    server.clearRequests();
    const walk = paginate(voiceClient(server), "/logs", { cursor: last, maxPages: 1, prefetch: 2 });
    expect(await walk.toArray()).toEqual([]);
    expect(await collect(walk)).toEqual([]);
    expect(await collect(walk.pages())).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });

  it("a walk whose first page is its last: the query it started with, ended", async () => {
    const query = { created_after: new Date("2025-12-31T23:00:00Z"), include_deleted: true };
    const pages = await collect(paginate(voiceClient(server), "/logs", { query }).pages());
    expect(pages).toHaveLength(1);
    expect(pages[0]?.cursor).toBe(
      "/logs?created_after=2025-12-31T23%3A00%3A00.000Z&include_deleted=true&page_size=1000#end",
    );
    server.clearRequests();
    const again = await paginate(voiceClient(server), "/logs", { query, cursor: pages[0]?.cursor }).toArray();
    expect(again).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });

  it("a job that saves each page with its cursor, crashing now and then, stores each log exactly once and then stops", async () => {
    const stored: string[] = [];
    let saved: string | undefined;
    let runs = 0;
    // Run until the saved cursor says the walk is done; each run crashes after its second page.
    while (cursorState(saved) !== "end") {
      runs++;
      let handled = 0;
      const { error } = await settle(
        (async () => {
          for await (const page of paginate(voiceClient(server), "/logs", {
            pageSize: 40,
            cursor: saved,
          }).pages()) {
            // One step, as in one transaction: the page's logs and its cursor.
            stored.push(...page.items.map((log) => log.id));
            saved = page.cursor;
            if (++handled === 2) throw new Error("crash");
          }
        })(),
      );
      if (error && (error as Error).message !== "crash") throw error;
    }
    expect(stored).toEqual(want);
    expect(runs).toBe(4);
    // Later runs are nothing: the saved end cursor sends no request.
    server.clearRequests();
    expect(await paginate(voiceClient(server), "/logs", { pageSize: 40, cursor: saved }).toArray()).toEqual(
      [],
    );
    expect(server.requests).toHaveLength(0);
  });

  it("MaxPagesError on the last batch is no more: the last page's end cursor ends the next batch at once", async () => {
    const { error } = await settle(
      paginate(voiceClient(server), "/logs", { pageSize: 100, maxPages: 2 }).toArray(),
    );
    expect(error).toBeInstanceOf(MaxPagesError);
    const pages = await collect(
      paginate(voiceClient(server), "/logs", { cursor: cursorOf(error), maxPages: 2 }).pages(),
    );
    expect(pages.map((page) => cursorState(page.cursor))).toEqual(["end"]);
  });
});

describe("cursorState tells the saved cursors apart", () => {
  it.each<[string | undefined, CursorState]>([
    [undefined, "start"],
    ["", "start"],
    ["/logs?page_number=1&page_size=100&page_token=PA1", "more"],
    ["/logs?page_number=2&page_size=100&page_token=PA2#end", "end"],
    ["/logs?page_number=1&page_size=100&page_token=PA1#loop", "loop"],
  ])("%j → %s", (cursor, state) => {
    expect(cursorState(cursor)).toBe(state);
  });
});

describe("a cursor and a query or pageSize that disagree: InputError, nothing sent", () => {
  const CURSOR =
    "/logs?page_number=1&page_size=100&created_after=2025-01-01&include_deleted=true&page_token=PA1";
  it.each<[PaginateOptions, string, string]>([
    [
      { query: { created_after: "2026-01-01", include_deleted: true } },
      "query",
      'paginate: cursor and query disagree on created_after: the cursor has "2025-01-01", query has "2026-01-01". A cursor carries the path, query and page size of its walk: pass the same, or none.',
    ],
    [
      { query: { created_after: "2025-01-01" } },
      "query",
      'paginate: cursor and query disagree on include_deleted: the cursor has "true", query has none. A cursor carries the path, query and page size of its walk: pass the same, or none.',
    ],
    [
      { query: { created_after: "2025-01-01", include_deleted: true, created_on: "2025-01-02" } },
      "query",
      'paginate: cursor and query disagree on created_on: the cursor has none, query has "2025-01-02". A cursor carries the path, query and page size of its walk: pass the same, or none.',
    ],
    [
      { pageSize: 1000 },
      "pageSize",
      'paginate: cursor and pageSize disagree on page_size: the cursor has "100", pageSize has "1000". A cursor carries the path, query and page size of its walk: pass the same, or none.',
    ],
    [
      { query: { status: ["a", "b"] } },
      "query",
      'paginate: cursor and query disagree on created_after: the cursor has "2025-01-01", query has none. A cursor carries the path, query and page size of its walk: pass the same, or none.',
    ],
  ])("%j", (options, field, message) => {
    let thrown: unknown;
    try {
      paginate(voiceClient(server), "/logs", { ...options, cursor: CURSOR } as never);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect(thrown).toMatchObject({ field, message });
    expect(server.requests).toHaveLength(0);
  });

  it("a list filter: the same values in the same order agree, others do not", () => {
    const cursor = "/logs?status=a&status=b";
    const walk = (status: string[]) => () =>
      paginate(voiceClient(server), "/logs", { cursor, query: { status } } as never);
    expect(walk(["a", "b"])).not.toThrow();
    expect(walk(["a"])).toThrow('disagree on status: the cursor has "a", "b", query has "a".');
  });

  it("values of any length are shown short", () => {
    const cursor = `/logs?created_on=${"x".repeat(10_000)}`;
    let thrown: unknown;
    try {
      paginate(voiceClient(server), "/logs", { cursor, query: { created_on: "y".repeat(10_000) } });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as Error).message.length).toBeLessThan(700);
  });

  it.each<[string, PaginateOptions]>([
    ["no query, no pageSize", {}],
    ["undefined ones", { query: undefined, pageSize: undefined }],
    ["the same values", { query: { created_after: "2025-01-01", include_deleted: true }, pageSize: 100 }],
    [
      "filters given as undefined are not given",
      { query: { created_after: "2025-01-01", include_deleted: true, created_on: undefined } },
    ],
  ])("%s: no error, and the cursor's request is sent", async (_, options) => {
    const cursor = "/logs?page_size=100&created_after=2025-01-01&include_deleted=true";
    const logs = await paginate(voiceClient(server), "/logs", { ...options, cursor }).toArray({ limit: 3 });
    expect(logs).toHaveLength(3);
    expect(queries(server)).toEqual([
      { page_size: "100", created_after: "2025-01-01", include_deleted: "true" },
    ]);
  });

  it("a Date agrees with the instant the client sent for it", async () => {
    const query = { created_after: new Date("2025-12-31T12:00:00Z") };
    const pages = paginate(voiceClient(server), "/logs", { query, pageSize: 10 }).pages();
    const cursor = (await pages.next()).value?.cursor;
    await pages.return();
    expect(cursor).toContain("created_after=2025-12-31T12%3A00%3A00.000Z");
    const logs = await paginate(voiceClient(server), "/logs", { query, pageSize: 10, cursor }).toArray({
      limit: 10,
    });
    expect(logs).toHaveLength(10);
  });

  it("an end cursor of another query disagrees too (yesterday's walk is not today's)", () => {
    expect(() =>
      paginate(voiceClient(server), "/logs", {
        cursor: "/logs?created_on=2025-12-30&page_size=1000#end",
        query: { created_on: "2025-12-31" },
      }),
    ).toThrow(InputError);
  });
});
