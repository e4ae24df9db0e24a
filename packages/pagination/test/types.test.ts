import type { ListVoiceLogsResponse, VoiceClient, VoiceLog, VoiceLogsQuery } from "@signalwire-voice/client";
import createClient from "openapi-fetch";
import { describe, expectTypeOf, it } from "vitest";
import {
  type CursorState,
  cursorState,
  type ListFilters,
  type ListItem,
  type ListLinks,
  type ListPath,
  type ListPathParams,
  type ListResponse,
  type Page,
  type Paginated,
  paginate,
} from "../src/index.js";
import type { Part, Thing, ThingPaths } from "./helpers/things.js";
import { voiceClient } from "./helpers/voice-client.js";

// Run by `tsc` (the typecheck task): each `@ts-expect-error` must meet an error, each
// expectTypeOf an exact type. The calls sit in functions that are compiled, never called.
const voice: VoiceClient = voiceClient({ baseUrl: "http://api.test/api/voice" });
const things = createClient<ThingPaths>({ baseUrl: "http://api.test" });

describe("items are typed from the path", () => {
  it("VoiceClient /logs: VoiceLog, with the spec's links", () => {
    const logs = paginate(voice, "/logs");
    expectTypeOf(logs).toEqualTypeOf<Paginated<VoiceLog, ListVoiceLogsResponse["links"]>>();
    expectTypeOf<ListItem<VoiceClient, "/logs">>().toEqualTypeOf<VoiceLog>();
    expectTypeOf<ListResponse<VoiceClient, "/logs">>().toEqualTypeOf<ListVoiceLogsResponse>();
    void (async () => {
      for await (const log of logs) expectTypeOf(log).toEqualTypeOf<VoiceLog>();
      for await (const page of logs.pages()) {
        expectTypeOf(page).toEqualTypeOf<Page<VoiceLog, ListVoiceLogsResponse["links"]>>();
        expectTypeOf(page.items).toEqualTypeOf<VoiceLog[]>();
        expectTypeOf(page.links.prev).toEqualTypeOf<string | undefined>();
        // Every page has one: the last page's is an end cursor.
        expectTypeOf(page.cursor).toEqualTypeOf<string>();
      }
      expectTypeOf(await logs.toArray({ limit: 10 })).toEqualTypeOf<VoiceLog[]>();
    });
  });

  it("a generic openapi-fetch client of hand-written paths: Thing, and only the list paths", () => {
    expectTypeOf(paginate(things, "/things")).toEqualTypeOf<
      Paginated<Thing, { self: string; next?: string }>
    >();
    expectTypeOf<ListPath<typeof things>>().toEqualTypeOf<"/things" | "/things/{id}/parts">();
    expectTypeOf<ListPath<VoiceClient>>().toEqualTypeOf<"/logs">();
    expectTypeOf<ListLinks<typeof things, "/things">>().toEqualTypeOf<{ self: string; next?: string }>();
  });

  it("filters are the path's query without the pagination parameters", () => {
    expectTypeOf<ListFilters<typeof things, "/things">>().toEqualTypeOf<{ color?: "red" | "blue" }>();
    expectTypeOf<ListFilters<VoiceClient, "/logs">>().toEqualTypeOf<
      Omit<VoiceLogsQuery, "page_size" | "page_number" | "page_token">
    >();
    void paginate(voice, "/logs", { query: { created_after: new Date(), include_deleted: true } });
    void paginate(things, "/things", { query: { color: "red" }, pageSize: 10, prefetch: 1, maxPages: 5 });
  });
});

describe("path parameters are typed from the path", () => {
  it("a path with one: `path` is its parameters, and required", () => {
    expectTypeOf<ListPathParams<typeof things, "/things/{id}/parts">>().toEqualTypeOf<{ id: string }>();
    expectTypeOf(paginate(things, "/things/{id}/parts", { path: { id: "t1" } })).toEqualTypeOf<
      Paginated<Part, { self: string; next?: string }>
    >();
    expectTypeOf<ListFilters<typeof things, "/things/{id}/parts">>().toEqualTypeOf<{
      kind?: "bolt" | "nut";
    }>();
    void paginate(things, "/things/{id}/parts", { path: { id: "t1" }, query: { kind: "nut" }, pageSize: 5 });
    // A cursor names them: `path` may then be left out.
    void paginate(things, "/things/{id}/parts", { cursor: "/things/t1/parts?page_token=5" });
    void paginate(things, "/things/{id}/parts", {
      path: { id: "t1" },
      cursor: "/things/t1/parts?page_token=5",
    });
  });

  it("a client that types its own GET per path: read from its init", () => {
    interface BoxClient {
      GET(
        url: "/boxes/{box}/items",
        init: { params: { path: { box: number }; query?: { size?: "S" | "L"; page_token?: string } } },
      ): Promise<{ data?: { links: { next?: string }; data: Thing[] }; error?: unknown; response: Response }>;
    }
    const boxes = {} as BoxClient;
    expectTypeOf<ListPathParams<BoxClient, "/boxes/{box}/items">>().toEqualTypeOf<{ box: number }>();
    expectTypeOf<ListFilters<BoxClient, "/boxes/{box}/items">>().toEqualTypeOf<{ size?: "S" | "L" }>();
    void (() => [
      paginate(boxes, "/boxes/{box}/items", { path: { box: 7 }, query: { size: "L" } }),
      // @ts-expect-error -- box is a number
      paginate(boxes, "/boxes/{box}/items", { path: { box: "7" } }),
    ]);
  });

  it("a path without any: no `path`", () => {
    expectTypeOf<ListPathParams<typeof things, "/things">>().toBeNever();
    expectTypeOf<ListPathParams<VoiceClient, "/logs">>().toBeNever();
    void paginate(things, "/things");
    void paginate(voice, "/logs", {});
  });

  it("what does not compile", () => {
    void (() => [
      // @ts-expect-error -- the path's parameters are required
      paginate(things, "/things/{id}/parts"),
      // @ts-expect-error -- the path's parameters are required
      paginate(things, "/things/{id}/parts", { query: { kind: "nut" } }),
      // @ts-expect-error -- a cursor that may be undefined does not name them
      paginate(things, "/things/{id}/parts", { cursor: undefined as string | undefined }),
      // @ts-expect-error -- id is a string
      paginate(things, "/things/{id}/parts", { path: { id: 1 } }),
      // @ts-expect-error -- the parameter is id, not thing
      paginate(things, "/things/{id}/parts", { path: { thing: "t1" } }),
      // @ts-expect-error -- no parameter besides id
      paginate(things, "/things/{id}/parts", { path: { id: "t1", other: "x" } }),
      // @ts-expect-error -- /things has no path parameters
      paginate(things, "/things", { path: { id: "t1" } }),
      // @ts-expect-error -- nor has /logs
      paginate(voice, "/logs", { path: { id: "b7182dc2-00f3-40e4-a5ce-20f164b329df" } }),
      // @ts-expect-error -- kind is "bolt" or "nut"
      paginate(things, "/things/{id}/parts", { path: { id: "t1" }, query: { kind: "screw" } }),
    ]);
  });
});

describe("cursors", () => {
  it("cursorState tells four states apart, from a cursor or undefined", () => {
    expectTypeOf<CursorState>().toEqualTypeOf<"start" | "more" | "end" | "loop">();
    expectTypeOf(cursorState).parameter(0).toEqualTypeOf<string | undefined>();
    expectTypeOf(cursorState).returns.toEqualTypeOf<CursorState>();
  });
});

describe("what does not compile", () => {
  it("paths without the list shape, or without a GET, or unknown", () => {
    void (() => [
      // @ts-expect-error -- its 200 body is one Thing, not { links, data }
      paginate(things, "/things/{id}"),
      // @ts-expect-error -- no GET at all
      paginate(things, "/things/import"),
      // @ts-expect-error -- a list without links cannot be followed
      paginate(things, "/colors"),
      // @ts-expect-error -- no such path
      paginate(voice, "/calls"),
      // @ts-expect-error -- one log's events come all at once, with no links to follow
      paginate(voice, "/logs/{id}/events", { path: { id: "b7182dc2-00f3-40e4-a5ce-20f164b329df" } }),
    ]);
  });

  it("wrong options", () => {
    void (() => [
      // @ts-expect-error -- page_size belongs to pageSize
      paginate(voice, "/logs", { query: { page_size: 10 } }),
      // @ts-expect-error -- page_token comes from the links or a cursor
      paginate(things, "/things", { query: { page_token: "x" } }),
      // @ts-expect-error -- not a filter of /things
      paginate(things, "/things", { query: { size: "L" } }),
      // @ts-expect-error -- color is "red" or "blue"
      paginate(things, "/things", { query: { color: "green" } }),
      // @ts-expect-error -- include_deleted is a boolean
      paginate(voice, "/logs", { query: { include_deleted: "yes" } }),
      // @ts-expect-error -- pageSize is a number
      paginate(voice, "/logs", { pageSize: "100" }),
      // @ts-expect-error -- a cursor is the string a page or an error gave
      paginate(voice, "/logs", { cursor: { page_token: "PA…" } }),
      // @ts-expect-error -- limit is a number
      paginate(voice, "/logs").toArray({ limit: "10" }),
    ]);
  });

  it("something that is no openapi-fetch client", () => {
    void (() => [
      // @ts-expect-error -- no GET
      paginate({}, "/logs"),
      // @ts-expect-error -- fetch is not a client
      paginate(fetch, "/logs"),
    ]);
  });
});
