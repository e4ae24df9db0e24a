import { ApiError } from "@signalwire-voice/client";
import { collect, settle, startTestServer, type TestServer } from "@signalwire-voice/test-utils";
import createClient from "openapi-fetch";
import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from "vitest";
import { cursorOf, paginate, UnsafeNextLinkError } from "../src/index.js";
import { startThingServer, type Thing, type ThingPaths } from "./helpers/things.js";

// A second API: a plain openapi-fetch client (no voice client in sight) of a hand-written
// `paths`, against a small real server on 127.0.0.1.
let server: TestServer;
let other: TestServer;
beforeAll(async () => {
  server = await startThingServer(95);
  other = await startTestServer();
});
afterAll(async () => {
  await server.close();
  await other.close();
});
beforeEach(() => {
  server.requests.length = 0;
});

const client = () => createClient<ThingPaths>({ baseUrl: `${server.url}/api` });

describe("a second path with the same shape, on any openapi-fetch client", () => {
  it("walks every page, items typed from the path", async () => {
    const things = paginate(client(), "/things", { pageSize: 10 });
    const all = await collect(things);
    expectTypeOf(all).toEqualTypeOf<Thing[]>();
    expect(all.map((thing) => thing.id)).toEqual(Array.from({ length: 95 }, (_, id) => id));
    expect(server.requests).toHaveLength(10);
  });

  it("keeps the path's filters, typed from its query", async () => {
    const blue = await paginate(client(), "/things", { pageSize: 7, query: { color: "blue" } }).toArray();
    expect(blue).toHaveLength(32);
    expect(blue.every((thing) => thing.color === "blue")).toBe(true);
    expect(server.requests.every((request) => request.url.includes("color=blue"))).toBe(true);
  });

  it("pages carry the path's own links type, and cursors of the path", async () => {
    const pages = await collect(paginate(client(), "/things", { pageSize: 50 }).pages());
    expectTypeOf(pages[0]?.links).toEqualTypeOf<{ self: string; next?: string } | undefined>();
    expect(pages.map((page) => page.cursor)).toEqual([
      "/things?page_size=50&page_token=50",
      "/things?page_size=50&page_token=50#end",
    ]);
    const rest = await paginate(client(), "/things", { cursor: pages[0]?.cursor }).toArray();
    expect(rest.map((thing) => thing.id)).toEqual(Array.from({ length: 45 }, (_, id) => 50 + id));
  });

  it("an error status is the client package's ApiError, with the cursor", async () => {
    const missing = createClient<ThingPaths>({ baseUrl: `${server.url}/nowhere` });
    const { error } = await settle(
      paginate(missing, "/things", { cursor: "/things?page_token=3" }).toArray(),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, body: { error: "Not Found" } });
    expect(cursorOf(error)).toBe("/things?page_token=3");
  });

  it("a network failure (fetch's own TypeError) carries the cursor too", async () => {
    const down = await startTestServer();
    await down.close();
    const unreachable = createClient<ThingPaths>({ baseUrl: `${down.url}/api` });
    const { error } = await settle(
      paginate(unreachable, "/things", { cursor: "/things?page_token=10" }).toArray(),
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(cursorOf(error)).toBe("/things?page_token=10");
  });

  it("its next links are held to its own origin and path", async () => {
    const foreign = await startTestServer((_, response, url) => {
      const next = `${other.url}/api/things?page_token=1`;
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ links: { self: url.href, next }, data: [{ id: 0, color: "red" }] }));
    });
    try {
      const { error } = await settle(
        paginate(createClient<ThingPaths>({ baseUrl: `${foreign.url}/api` }), "/things").toArray(),
      );
      expect(error).toBeInstanceOf(UnsafeNextLinkError);
      expect(other.requests).toEqual([]);
    } finally {
      await foreign.close();
    }
  });
});
