import { ApiError } from "@signalwire-voice/client";
import { cursorOf, paginate } from "@signalwire-voice/pagination";
import type { TestServer } from "@signalwire-voice/test-utils";
import createClient from "openapi-fetch";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { paths } from "../src/index.js";
import { faxLog, messageLog, numberGroup, project } from "./helpers/items.js";
import { AUTHORIZATION, startRestServer } from "./helpers/rest-server.js";

// `paginate` from @signalwire-voice/pagination, unchanged, over four list operations of the
// combined REST spec, through a plain openapi-fetch client of its generated `paths`, against a
// real server on 127.0.0.1 that pages like SignalWire.
const lists = {
  "/api/fax/logs": {
    items: Array.from({ length: 47 }, (_, index) => faxLog(index)),
    filters: { created_after: (item: { created_at: string }, value: string) => item.created_at > value },
  },
  "/api/messaging/logs": { items: Array.from({ length: 23 }, (_, index) => messageLog(index)) },
  "/api/projects": {
    items: Array.from({ length: 30 }, (_, index) => project(index)),
    filters: { name: (item: { name: string }, value: string) => item.name.includes(value) },
  },
  "/api/relay/rest/number_groups": {
    items: Array.from({ length: 12 }, (_, index) => numberGroup(index)),
    filters: { filter_name: (item: { name: string }, value: string) => item.name.includes(value) },
  },
} as const;
type ListedPath = keyof typeof lists;

let server: TestServer;
beforeAll(async () => {
  server = await startRestServer(lists);
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
});

const client = (authorization = AUTHORIZATION) =>
  createClient<paths>({ baseUrl: server.url, headers: { authorization } });
const tokens = (path: string) =>
  server.requests.filter((request) => request.path === path).map((request) => request.query.page_token);

describe("paginate over the REST spec's list operations", () => {
  const walks: Array<[ListedPath, number, number]> = [
    ["/api/fax/logs", 10, 5],
    ["/api/messaging/logs", 5, 5],
    ["/api/projects", 7, 5],
    ["/api/relay/rest/number_groups", 4, 3],
  ];
  it.each(walks)("walks every page of %s (page size %i → %i requests)", async (path, pageSize, pages) => {
    const items = await paginate(client(), path, { pageSize }).toArray();
    expect(items).toEqual(lists[path].items);
    expect(server.requests).toHaveLength(pages);
    expect(server.requests.every((request) => request.path === path)).toBe(true);
    expect(server.requests.every((request) => request.headers.authorization === AUTHORIZATION)).toBe(true);
    // Each page after the first is the one its predecessor's `next` link named.
    expect(tokens(path)).toEqual(
      Array.from({ length: pages }, (_, page) => (page ? `PA${page * pageSize}` : undefined)),
    );
  });

  const filtered: Array<[ListedPath, Record<string, string>, number]> = [
    ["/api/fax/logs", { created_after: "2026-08-21T11:30:00.000Z" }, 30],
    ["/api/projects", { name: "staging" }, 15],
    ["/api/relay/rest/number_groups", { filter_name: "sales" }, 4],
  ];
  it.each(filtered)("keeps the filters of %s (%j) on every page", async (path, query, count) => {
    const items = await paginate(client(), path, { pageSize: 4, query }).toArray();
    expect(items).toHaveLength(count);
    expect(server.requests).toHaveLength(Math.ceil(count / 4));
    for (const request of server.requests) expect(request.query).toMatchObject(query);
  });

  it("walks the four lists at once without mixing them", async () => {
    const paths = Object.keys(lists) as ListedPath[];
    const walked = await Promise.all(
      paths.map((path) => paginate(client(), path, { pageSize: 6 }).toArray()),
    );
    expect(walked).toEqual(paths.map((path) => lists[path].items));
  });

  it("gives each page the path's links and a cursor that resumes the walk", async () => {
    const pages = [];
    for await (const page of paginate(client(), "/api/messaging/logs", { pageSize: 10 }).pages())
      pages.push(page);
    expect(pages.map((page) => page.items.length)).toEqual([10, 10, 3]);
    expect(pages[1]?.links).toMatchObject({
      self: expect.stringContaining("page_token=PA10"),
      prev: expect.any(String),
    });
    const rest = await paginate(client(), "/api/messaging/logs", { cursor: pages[1]?.cursor }).toArray();
    expect(rest).toEqual(lists["/api/messaging/logs"].items.slice(20));
  });

  it("prefetching changes nothing but the timing", async () => {
    const items = await paginate(client(), "/api/fax/logs", { pageSize: 10, prefetch: 2 }).toArray();
    expect(items).toEqual(lists["/api/fax/logs"].items);
  });

  it("an error status is the client package's ApiError, carrying the cursor to resume from", async () => {
    const walk = paginate(client("Basic bm90OnRoaXM="), "/api/projects", {
      cursor: "/api/projects?page_token=PA5",
    });
    const error = await walk.toArray().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, body: { error: "Unauthorized" } });
    expect(cursorOf(error)).toBe("/api/projects?page_token=PA5");
  });
});
