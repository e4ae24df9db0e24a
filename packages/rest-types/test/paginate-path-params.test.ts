import { InputError } from "@signalwire-voice/client";
import { cursorOf, type ListItem, paginate, UnsafeNextLinkError } from "@signalwire-voice/pagination";
import { startTestServer, type TestServer } from "@signalwire-voice/test-utils";
import createClient, { type Client } from "openapi-fetch";
import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from "vitest";
import type { paths } from "../src/index.js";
import { datasphereChunk, fabricAddress, numberGroupMembership, roomSessionMember } from "./helpers/items.js";
import { AUTHORIZATION, type RestList, startRestServer } from "./helpers/rest-server.js";

// `paginate` over list operations of the combined REST spec whose paths have a parameter, through
// a plain openapi-fetch client of its generated `paths`, against a real server on 127.0.0.1 that
// pages like SignalWire and lists each parent's own items.
const range = (count: number) => Array.from({ length: count }, (_, index) => index);
const SIZES = { addresses: 23, members: 17, memberships: 9, chunks: 12 };
const lists: Record<string, RestList> = {
  "/api/fabric/resources/{id}/addresses": {
    items: ({ id = "" }) => range(SIZES.addresses).map((index) => fabricAddress(id, index)),
  },
  "/api/video/room_sessions/{id}/members": {
    items: ({ id = "" }) => range(SIZES.members).map((index) => roomSessionMember(id, index)),
  },
  "/api/relay/rest/number_groups/{NumberGroupId}/number_group_memberships": {
    items: ({ NumberGroupId = "" }) =>
      range(SIZES.memberships).map((index) => numberGroupMembership(NumberGroupId, index)),
  },
  "/api/datasphere/documents/{documentId}/chunks": {
    items: ({ documentId = "" }) => range(SIZES.chunks).map((index) => datasphereChunk(documentId, index)),
  },
};

type RestClient = Client<paths>;
const ID1 = "0b2e4c6d-0000-4000-8000-000000000001";
const ID2 = "0b2e4c6d-0000-4000-8000-000000000002";

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

const client = (baseUrl = server.url): RestClient =>
  createClient<paths>({ baseUrl, headers: { authorization: AUTHORIZATION } });

describe("paginate over the REST spec's lists under a path parameter", () => {
  it("/api/fabric/resources/{id}/addresses: every page of each resource's own list", async () => {
    for (const id of [ID1, ID2]) {
      server.requests.length = 0;
      const walk = paginate(client(), "/api/fabric/resources/{id}/addresses", { path: { id }, pageSize: 5 });
      const addresses = await walk.toArray();
      expectTypeOf(addresses).toEqualTypeOf<ListItem<RestClient, "/api/fabric/resources/{id}/addresses">[]>();
      expect(addresses).toEqual(range(SIZES.addresses).map((index) => fabricAddress(id, index)));
      const path = `/api/fabric/resources/${id}/addresses`;
      expect(server.requests.map((request) => request.path)).toEqual(Array(5).fill(path));
      expect(server.requests.map((request) => request.query.page_token)).toEqual([
        undefined,
        "PA5",
        "PA10",
        "PA15",
        "PA20",
      ]);
      expect(server.requests.every((request) => request.headers.authorization === AUTHORIZATION)).toBe(true);
    }
  });

  it("/api/video/room_sessions/{id}/members: members of the session asked for", async () => {
    const members = await paginate(client(), "/api/video/room_sessions/{id}/members", {
      path: { id: ID2 },
      pageSize: 4,
    }).toArray();
    expectTypeOf(members[0]?.room_session_id).toEqualTypeOf<string | undefined>();
    expect(members).toEqual(range(SIZES.members).map((index) => roomSessionMember(ID2, index)));
    expect(members.every((member) => member.room_session_id === ID2)).toBe(true);
    expect(server.requests).toHaveLength(5);
    expect(new Set(server.requests.map((request) => request.path))).toEqual(
      new Set([`/api/video/room_sessions/${ID2}/members`]),
    );
  });

  it("/api/relay/rest/number_groups/{NumberGroupId}/number_group_memberships: its own parameter name", async () => {
    const pages = [];
    for await (const page of paginate(
      client(),
      "/api/relay/rest/number_groups/{NumberGroupId}/number_group_memberships",
      { path: { NumberGroupId: ID1 }, pageSize: 4 },
    ).pages()) {
      expectTypeOf(page.items[0]?.phone_number.number).toEqualTypeOf<string | undefined>();
      pages.push(page);
    }
    expect(pages.map((page) => page.items.length)).toEqual([4, 4, 1]);
    expect(pages.flatMap((page) => page.items)).toEqual(
      range(SIZES.memberships).map((index) => numberGroupMembership(ID1, index)),
    );
    expect(pages.map((page) => page.cursor)).toEqual([
      `/api/relay/rest/number_groups/${ID1}/number_group_memberships?page_size=4&page_number=1&page_token=PA4`,
      `/api/relay/rest/number_groups/${ID1}/number_group_memberships?page_size=4&page_number=2&page_token=PA8`,
      `/api/relay/rest/number_groups/${ID1}/number_group_memberships?page_size=4&page_number=2&page_token=PA8#end`,
    ]);
  });

  it("/api/datasphere/documents/{documentId}/chunks, with prefetch", async () => {
    const chunks = await paginate(client(), "/api/datasphere/documents/{documentId}/chunks", {
      path: { documentId: ID1 },
      pageSize: 5,
      prefetch: 2,
    }).toArray();
    expect(chunks.map((chunk) => chunk.content)).toEqual(
      range(SIZES.chunks).map((index) => `chunk ${index} of ${ID1}`),
    );
  });

  it("walks two resources' lists at once without mixing them", async () => {
    const [one, two] = await Promise.all(
      [ID1, ID2].map((id) =>
        paginate(client(), "/api/fabric/resources/{id}/addresses", { path: { id }, pageSize: 6 }).toArray(),
      ),
    );
    expect(one?.every((address) => address.name.startsWith(ID1))).toBe(true);
    expect(two?.every((address) => address.name.startsWith(ID2))).toBe(true);
  });

  // What the server receives for an id that would change a path built by hand.
  it.each<[string, string]>([
    ["../x", "..%2Fx"],
    ["a/b", "a%2Fb"],
    ["?q", "%3Fq"],
    ["%2F", "%252F"],
    ["#top", "%23top"],
  ])(
    "id %j: every request goes to /api/video/room_sessions/%s/members, and the walk resumes there",
    async (id, sent) => {
      const path = `/api/video/room_sessions/${sent}/members`;
      const walk = paginate(client(), "/api/video/room_sessions/{id}/members", {
        path: { id },
        pageSize: 10,
      });
      const pages = [];
      for await (const page of walk.pages()) pages.push(page);
      expect(pages.flatMap((page) => page.items)).toEqual(
        range(SIZES.members).map((index) => roomSessionMember(id, index)),
      );
      expect(server.requests.map((request) => request.path)).toEqual([path, path]);
      server.requests.length = 0;
      const rest = await paginate(client(), "/api/video/room_sessions/{id}/members", {
        cursor: pages[0]?.cursor as string,
      }).toArray();
      expect(rest.map((member) => member.room_session_id)).toEqual(Array(SIZES.members - 10).fill(id));
      expect(server.requests.map((request) => request.path)).toEqual([path]);
    },
  );

  it.each(["", ".", ".."])("id %j: InputError, nothing sent", (id) => {
    expect(() => paginate(client(), "/api/fabric/resources/{id}/addresses", { path: { id } })).toThrow(
      InputError,
    );
    expect(server.requests).toEqual([]);
  });
});

describe("next links and cursors keep to the concrete path", () => {
  it("a next link to another resource's addresses is refused, and nothing is sent there", async () => {
    // A server whose first page links to the list of another id, on its own origin.
    const crafted = await startTestServer((_, response, url, origin) => {
      response.writeHead(200, { "content-type": "application/json" });
      const next = `${origin}/api/fabric/resources/${ID2}/addresses?page_size=5&page_token=PA5`;
      response.end(
        JSON.stringify({ links: { self: url.href, first: url.href, next }, data: [fabricAddress(ID1, 0)] }),
      );
    });
    try {
      const walk = paginate(client(crafted.url), "/api/fabric/resources/{id}/addresses", {
        path: { id: ID1 },
      });
      const error = await walk.toArray().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(UnsafeNextLinkError);
      expect(error).toMatchObject({
        link: `${crafted.url}/api/fabric/resources/${ID2}/addresses`,
        expected: `${crafted.url}/api/fabric/resources/${ID1}/addresses`,
      });
      expect(crafted.requests.map((request) => request.path)).toEqual([
        `/api/fabric/resources/${ID1}/addresses`,
      ]);
      // Its cursor refetches the page whose link was refused: the first, so none.
      expect(cursorOf(error)).toBeUndefined();
    } finally {
      await crafted.close();
    }
  });

  it("a saved cursor alone resumes the same id's list; with path given it must agree", async () => {
    const pages = [];
    for await (const page of paginate(client(), "/api/fabric/resources/{id}/addresses", {
      path: { id: ID2 },
      pageSize: 10,
    }).pages())
      pages.push(page);
    const cursor = pages[0]?.cursor as string;
    expect(cursor).toBe(`/api/fabric/resources/${ID2}/addresses?page_size=10&page_number=1&page_token=PA10`);
    const want = range(SIZES.addresses)
      .slice(10)
      .map((index) => fabricAddress(ID2, index));
    expect(await paginate(client(), "/api/fabric/resources/{id}/addresses", { cursor }).toArray()).toEqual(
      want,
    );
    expect(
      await paginate(client(), "/api/fabric/resources/{id}/addresses", {
        path: { id: ID2 },
        cursor,
      }).toArray(),
    ).toEqual(want);
    server.requests.length = 0;
    expect(() =>
      paginate(client(), "/api/fabric/resources/{id}/addresses", { path: { id: ID1 }, cursor }),
    ).toThrow(/^paginate: cursor and path disagree on the path/);
    // Nor does it resume another list with the same shape of path.
    expect(() => paginate(client(), "/api/video/room_sessions/{id}/members", { cursor })).toThrow(
      "paginate: cursor must come from /api/video/room_sessions/{id}/members",
    );
    expect(server.requests).toEqual([]);
  });

  it("an error status carries the cursor, with the id, to resume from", async () => {
    const walk = paginate(
      createClient<paths>({ baseUrl: server.url, headers: { authorization: "Basic bm90OnRoaXM=" } }),
      "/api/video/room_sessions/{id}/members",
      { cursor: `/api/video/room_sessions/${ID1}/members?page_size=10&page_token=PA10` },
    );
    const error = await walk.toArray().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 401 });
    expect(cursorOf(error)).toBe(`/api/video/room_sessions/${ID1}/members?page_size=10&page_token=PA10`);
    expect(server.requests.map((request) => request.path)).toEqual([
      `/api/video/room_sessions/${ID1}/members`,
    ]);
  });
});
