import {
  type ListFilters,
  type ListItem,
  type ListLinks,
  type ListPath,
  type ListPathParams,
  type Page,
  type Paginated,
  paginate,
} from "@signalwire-voice/pagination";
import createClient, { type Client } from "openapi-fetch";
import { describe, expectTypeOf, it } from "vitest";
import type { components, paths } from "../src/index.js";

// Run by `tsc` (the typecheck task): each `@ts-expect-error` must meet an error, each
// expectTypeOf an exact type. The walks sit in functions that are compiled, never called.
type Schemas = components["schemas"];
type RestClient = Client<paths>;
const client: RestClient = createClient<paths>({ baseUrl: "http://api.test" });

describe("paginate's types over the REST spec", () => {
  it("types the items and links of each list from its path", () => {
    expectTypeOf(paginate(client, "/api/fax/logs")).toEqualTypeOf<
      Paginated<Schemas["Fax.FaxLog"], Schemas["Fax.LogPaginationResponse"]>
    >();
    expectTypeOf(paginate(client, "/api/messaging/logs")).toEqualTypeOf<
      Paginated<Schemas["Message.MessageLog"], Schemas["Message.LogPaginationResponse"]>
    >();
    expectTypeOf(paginate(client, "/api/projects")).toEqualTypeOf<
      Paginated<Schemas["Projects.Project"], Schemas["Projects.ProjectPaginationLinks"]>
    >();
    expectTypeOf<ListItem<RestClient, "/api/relay/rest/number_groups">>().toEqualTypeOf<
      Schemas["NumberGroup"]
    >();
    expectTypeOf<ListLinks<RestClient, "/api/relay/rest/number_groups">>().toEqualTypeOf<
      Schemas["PaginationLinks"]
    >();
    // Every product's list has the same shape of page, not the same item.
    expectTypeOf<ListItem<RestClient, "/api/fax/logs">>().not.toEqualTypeOf<
      ListItem<RestClient, "/api/messaging/logs">
    >();
    void (async () => {
      for await (const fax of paginate(client, "/api/fax/logs")) {
        expectTypeOf(fax.status).toEqualTypeOf<Schemas["Fax.FaxLog"]["status"]>();
      }
      for await (const page of paginate(client, "/api/projects").pages()) {
        expectTypeOf(page).toEqualTypeOf<
          Page<Schemas["Projects.Project"], Schemas["Projects.ProjectPaginationLinks"]>
        >();
      }
      expectTypeOf(await paginate(client, "/api/messaging/logs").toArray()).toEqualTypeOf<
        Schemas["Message.MessageLog"][]
      >();
    });
  });

  it("takes each path's own filters, without the pagination parameters", () => {
    expectTypeOf<keyof ListFilters<RestClient, "/api/fax/logs">>().toEqualTypeOf<
      "include_deleted" | "created_before" | "created_on" | "created_after"
    >();
    expectTypeOf<keyof ListFilters<RestClient, "/api/projects">>().toEqualTypeOf<"name">();
    expectTypeOf<
      keyof ListFilters<RestClient, "/api/relay/rest/number_groups">
    >().toEqualTypeOf<"filter_name">();
    void (() => {
      // @ts-expect-error -- filter_name filters number groups, not fax logs
      paginate(client, "/api/fax/logs", { query: { filter_name: "sales" } });
      // @ts-expect-error -- page_token is paginate's to set (from the next links), not the caller's
      paginate(client, "/api/projects", { query: { page_token: "PA5" } });
    });
  });

  it("accepts list paths only", () => {
    expectTypeOf<
      "/api/fax/logs" | "/api/messaging/logs" | "/api/projects" | "/api/relay/rest/number_groups"
    >().toExtend<ListPath<RestClient>>();
    void (() => {
      // @ts-expect-error -- GET /api/video/rooms/{id} answers one room, not a page of them
      paginate(client, "/api/video/rooms/{id}");
      // @ts-expect-error -- /api/pubsub/tokens has no GET
      paginate(client, "/api/pubsub/tokens");
    });
  });

  it("types the path parameters of lists under one, and requires them", () => {
    expectTypeOf<ListPathParams<RestClient, "/api/fabric/resources/{id}/addresses">>().toEqualTypeOf<{
      id: string;
    }>();
    expectTypeOf<
      ListPathParams<RestClient, "/api/relay/rest/number_groups/{NumberGroupId}/number_group_memberships">
    >().toEqualTypeOf<{ NumberGroupId: string }>();
    expectTypeOf<
      ListPathParams<RestClient, "/api/datasphere/documents/{documentId}/chunks">
    >().toEqualTypeOf<{
      documentId: string;
    }>();
    expectTypeOf<ListPathParams<RestClient, "/api/fax/logs">>().toBeNever();
    expectTypeOf<
      | "/api/fabric/resources/{id}/addresses"
      | "/api/video/room_sessions/{id}/members"
      | "/api/relay/rest/number_groups/{NumberGroupId}/number_group_memberships"
      | "/api/datasphere/documents/{documentId}/chunks"
    >().toExtend<ListPath<RestClient>>();
    const id = "0b2e4c6d-0000-4000-8000-000000000001";
    expectTypeOf(paginate(client, "/api/video/room_sessions/{id}/members", { path: { id } })).toEqualTypeOf<
      Paginated<
        ListItem<RestClient, "/api/video/room_sessions/{id}/members">,
        ListLinks<RestClient, "/api/video/room_sessions/{id}/members">
      >
    >();
    expectTypeOf<
      ListItem<RestClient, "/api/video/room_sessions/{id}/members">["room_session_id"]
    >().toEqualTypeOf<Schemas["uuid"]>();
    expectTypeOf<ListItem<RestClient, "/api/datasphere/documents/{documentId}/chunks">>().not.toEqualTypeOf<
      ListItem<RestClient, "/api/video/room_sessions/{id}/members">
    >();
    void (() => [
      paginate(client, "/api/relay/rest/number_groups/{NumberGroupId}/number_group_memberships", {
        path: { NumberGroupId: id },
        pageSize: 50,
      }),
      // A cursor names the parameters: `path` may be left out.
      paginate(client, "/api/fabric/resources/{id}/addresses", {
        cursor: `/api/fabric/resources/${id}/addresses?x`,
      }),
      // @ts-expect-error -- the path's parameters are required
      paginate(client, "/api/fabric/resources/{id}/addresses"),
      paginate(client, "/api/relay/rest/number_groups/{NumberGroupId}/number_group_memberships", {
        // @ts-expect-error -- the parameter is NumberGroupId, not id
        path: { id },
      }),
      // @ts-expect-error -- documentId is a string
      paginate(client, "/api/datasphere/documents/{documentId}/chunks", { path: { documentId: 7 } }),
      // @ts-expect-error -- /api/fax/logs has no path parameters
      paginate(client, "/api/fax/logs", { path: { id } }),
    ]);
  });
});
