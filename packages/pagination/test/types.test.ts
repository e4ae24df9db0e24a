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
  type ListResponse,
  type Page,
  type Paginated,
  paginate,
} from "../src/index.js";
import type { Thing, ThingPaths } from "./helpers/things.js";
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
    expectTypeOf<ListPath<typeof things>>().toEqualTypeOf<"/things">();
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
