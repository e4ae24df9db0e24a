import { createVoiceClient, InputError } from "@signalwire-voice/client";
import { collect, settle, startTestServer, type TestServer } from "@signalwire-voice/test-utils";
import createClient from "openapi-fetch";
import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from "vitest";
import { cursorOf, cursorState, type ListClient, paginate, UnsafeNextLinkError } from "../src/index.js";
import { type Part, startThingServer, type ThingPaths } from "./helpers/things.js";

// A list under a path parameter, `/things/{id}/parts`, through a plain openapi-fetch client
// against a real server on 127.0.0.1: the client fills the parameter in, and the walk, its
// cursors and its next links keep to that one path.
let server: TestServer;
let other: TestServer;
beforeAll(async () => {
  server = await startThingServer(25);
  other = await startTestServer();
});
afterAll(async () => {
  await server.close();
  await other.close();
});
beforeEach(() => {
  server.requests.length = 0;
  other.requests.length = 0;
});

const client = () => createClient<ThingPaths>({ baseUrl: `${server.url}/api` });
const partsOf = (thing: string, from = 0, to = 25) =>
  Array.from({ length: to - from }, (_, index) => ({ thing, index: from + index }));

describe("a path with a parameter: walked on the path the client fills in", () => {
  it("walks every page of each id's list, items typed from the path", async () => {
    for (const id of ["t1", "t2"]) {
      server.requests.length = 0;
      const parts = await paginate(client(), "/things/{id}/parts", { path: { id }, pageSize: 10 }).toArray();
      expectTypeOf(parts).toEqualTypeOf<Part[]>();
      expect(parts).toEqual(partsOf(id));
      expect(server.requests.map((request) => request.url)).toEqual([
        `/api/things/${id}/parts?page_size=10`,
        `/api/things/${id}/parts?page_size=10&page_token=10`,
        `/api/things/${id}/parts?page_size=10&page_token=20`,
      ]);
    }
  });

  it("keeps the path's filters, and each page's cursor names the path", async () => {
    const walk = paginate(client(), "/things/{id}/parts", {
      path: { id: "t1" },
      query: { kind: "nut" },
      pageSize: 5,
    });
    const pages = await collect(walk.pages());
    expect(pages.flatMap((page) => page.items).every((part) => part.index % 2 === 1)).toBe(true);
    expect(pages.map((page) => page.cursor)).toEqual([
      "/things/t1/parts?page_size=5&page_token=5&kind=nut",
      "/things/t1/parts?page_size=5&page_token=10&kind=nut",
      "/things/t1/parts?page_size=5&page_token=10&kind=nut#end",
    ]);
  });

  // What the server receives for each value: the value in one segment, never another path.
  it.each<[string, string]>([
    ["../x", "/api/things/..%2Fx/parts"],
    ["a/b", "/api/things/a%2Fb/parts"],
    ["?q", "/api/things/%3Fq/parts"],
    ["#frag", "/api/things/%23frag/parts"],
    ["%2F", "/api/things/%252F/parts"],
    ["%2E%2E", "/api/things/%252E%252E/parts"],
    ["a\\b", "/api/things/a%5Cb/parts"],
    ["...", "/api/things/.../parts"],
  ])("id %j goes to %s, every page, and resumes there", async (id, sent) => {
    const pages = await collect(
      paginate(client(), "/things/{id}/parts", { path: { id }, pageSize: 10 }).pages(),
    );
    expect(pages.flatMap((page) => page.items)).toEqual(partsOf(id));
    expect(server.requests.map((request) => request.path)).toEqual([sent, sent, sent]);
    // A cursor alone resumes on the same path, with the same id.
    server.requests.length = 0;
    const rest = await paginate(client(), "/things/{id}/parts", {
      cursor: pages[0]?.cursor as string,
    }).toArray();
    expect(rest).toEqual(partsOf(id, 10));
    expect(server.requests.map((request) => request.path)).toEqual([sent, sent]);
  });

  it.each<[string, unknown]>([
    ["empty", ""],
    [".", "."],
    ["..", ".."],
    ["missing", undefined],
    ["an object", { id: "x" }],
  ])("id %s: InputError before anything is sent", async (_, id) => {
    const { error } = await settle(
      (async () => paginate(client(), "/things/{id}/parts", { path: { id } as { id: string } }))(),
    );
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ field: "path.id" });
    expect(server.requests).toEqual([]);
  });

  it("a next link to another id's path is refused, and nothing is sent there", async () => {
    const foreign = await startTestServer((_, response, url, origin) => {
      response.writeHead(200, { "content-type": "application/json" });
      const next = `${origin}/api/things/t2/parts?page_token=1`;
      response.end(JSON.stringify({ links: { self: url.href, next }, data: [{ thing: "t1", index: 0 }] }));
    });
    try {
      const walk = paginate(
        createClient<ThingPaths>({ baseUrl: `${foreign.url}/api` }),
        "/things/{id}/parts",
        {
          path: { id: "t1" },
        },
      );
      const { error } = await settle(walk.toArray());
      expect(error).toBeInstanceOf(UnsafeNextLinkError);
      expect(error).toMatchObject({
        link: `${foreign.url}/api/things/t2/parts`,
        expected: `${foreign.url}/api/things/t1/parts`,
      });
      expect((error as Error).message).toContain("is off path");
      expect(foreign.requests.map((request) => request.path)).toEqual(["/api/things/t1/parts"]);
    } finally {
      await foreign.close();
    }
  });

  it("a next link to the encoded id's path decoded (a/b for a%2Fb) is another path: refused", async () => {
    const foreign = await startTestServer((_, response, url, origin) => {
      response.writeHead(200, { "content-type": "application/json" });
      const next = `${origin}/api/things/a/b/parts?page_token=1`;
      response.end(JSON.stringify({ links: { self: url.href, next }, data: [] }));
    });
    try {
      const walk = paginate(
        createClient<ThingPaths>({ baseUrl: `${foreign.url}/api` }),
        "/things/{id}/parts",
        {
          path: { id: "a/b" },
        },
      );
      const { error } = await settle(walk.toArray());
      expect(error).toMatchObject({ expected: `${foreign.url}/api/things/a%2Fb/parts` });
      expect(foreign.requests).toHaveLength(1);
    } finally {
      await foreign.close();
    }
  });
});

describe("cursors of a path with a parameter", () => {
  it("resume with the same path given, or none; another id is InputError, nothing sent", async () => {
    const [first] = await collect(
      paginate(client(), "/things/{id}/parts", { path: { id: "t1" }, pageSize: 10 }).pages(),
    );
    const cursor = first?.cursor as string;
    server.requests.length = 0;
    const same = await paginate(client(), "/things/{id}/parts", { path: { id: "t1" }, cursor }).toArray();
    expect(same).toEqual(partsOf("t1", 10));
    server.requests.length = 0;
    const { error } = await settle(
      (async () => paginate(client(), "/things/{id}/parts", { path: { id: "t2" }, cursor }))(),
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(
      'paginate: cursor and path disagree on the path: the cursor has "/things/t1/parts", path has "/things/t2/parts". A cursor carries the path, query and page size of its walk: pass the same, or none.',
    );
    expect(server.requests).toEqual([]);
  });

  it("a cursor of another path, or of the template itself, is InputError", async () => {
    for (const cursor of ["/things?page_token=10", "/things/{id}/parts?page_token=10", "/things/t1/parts"]) {
      const { error } = await settle((async () => paginate(client(), "/things/{id}/parts", { cursor }))());
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toBe(
        `paginate: cursor must come from /things/{id}/parts, got "${cursor}".`,
      );
    }
    expect(server.requests).toEqual([]);
  });

  it("an error mid-walk carries the cursor, with the path, to resume from", async () => {
    const down = createClient<ThingPaths>({ baseUrl: `${server.url}/nowhere` });
    const { error } = await settle(
      paginate(down, "/things/{id}/parts", { cursor: "/things/a%2Fb/parts?page_token=10" }).toArray(),
    );
    expect(error).toMatchObject({ status: 404 });
    expect(cursorOf(error)).toBe("/things/a%2Fb/parts?page_token=10");
    expect(server.requests.map((request) => request.path)).toEqual(["/nowhere/things/a%2Fb/parts"]);
  });

  it("the end cursor names the path too: resuming sends nothing", async () => {
    const pages = await collect(paginate(client(), "/things/{id}/parts", { path: { id: "t9" } }).pages());
    expect(pages.map((page) => page.cursor)).toEqual(["/things/t9/parts?page_size=1000#end"]);
    expect(cursorState(pages[0]?.cursor)).toBe("end");
    server.requests.length = 0;
    expect(
      await paginate(client(), "/things/{id}/parts", { cursor: pages[0]?.cursor as string }).toArray(),
    ).toEqual([]);
    expect(server.requests).toEqual([]);
  });
});

describe("the client fills the path in, and must fill in the path the cursors name", () => {
  it("a pathSerializer that does not encode (a/b spanning two segments) is refused before sending", async () => {
    const loose = createClient<ThingPaths>({
      baseUrl: `${server.url}/api`,
      pathSerializer: (url, params) => url.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name])),
    });
    const { error } = await settle(paginate(loose, "/things/{id}/parts", { path: { id: "a/b" } }).toArray());
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(
      "paginate: the client sent /things/{id}/parts to /api/things/a/b/parts, not …/things/a%2Fb/parts (its pathSerializer must encode as encodeURIComponent does); nothing sent.",
    );
    expect(server.requests).toEqual([]);
    // One that encodes as the default does is fine.
    const strict = createClient<ThingPaths>({
      baseUrl: `${server.url}/api`,
      pathSerializer: (url, params) =>
        url.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params[name]))),
    });
    expect(await paginate(strict, "/things/{id}/parts", { path: { id: "a/b" } }).toArray()).toEqual(
      partsOf("a/b"),
    );
  });

  it("a path parameter that carries the client's credentials is InputError, and never in a message", async () => {
    // A voice client (it has a redaction) pointed at the parts server, as a list client of it.
    const voice = createVoiceClient({
      baseUrl: `${server.url}/api`,
      projectId: "test-project",
      token: "PTsecret-token-1234",
      env: {},
    }) as unknown as ListClient;
    const parts = voice as unknown as ReturnType<typeof client>;
    for (const options of [
      { path: { id: "x-PTsecret-token-1234" } },
      { cursor: "/things/x-PTsecret-token-1234/parts?page_token=10" },
    ]) {
      const { error } = await settle((async () => paginate(parts, "/things/{id}/parts", options))());
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).not.toContain("secret-token");
      expect((error as Error).message).toContain("[redacted]");
    }
    expect(server.requests).toEqual([]);
  });
});

describe("a next link must keep the concrete path, parameters filled in as sent", () => {
  let nextOf: (origin: string) => string;
  let crafted: TestServer;
  beforeAll(async () => {
    // One page of thing "a/b", then a second (no link) once the first link is followed.
    crafted = await startTestServer((_, response, url, origin) => {
      const first = !url.searchParams.has("page_token");
      response.writeHead(200, { "content-type": "application/json" });
      const links = first ? { self: url.href, next: nextOf(origin) } : { self: url.href };
      response.end(JSON.stringify({ links, data: [{ thing: "a/b", index: first ? 0 : 1 }] }));
    });
  });
  afterAll(() => crafted.close());
  beforeEach(() => {
    crafted.requests.length = 0;
  });

  // [what, the link given the crafted server's origin, refused because …, or undefined: followed]
  const table: [string, (origin: string) => string, string | undefined][] = [
    ["the same path", (origin) => `${origin}/api/things/a%2Fb/parts?page_token=1`, undefined],
    ["a bare query", () => "?page_token=1", undefined],
    ["relative to the host", () => "/api/things/a%2Fb/parts?page_token=1", undefined],
    ["another id's path", (origin) => `${origin}/api/things/t2/parts?page_token=1`, "is off path"],
    [
      "the id decoded: another path",
      (origin) => `${origin}/api/things/a/b/parts?page_token=1`,
      "is off path",
    ],
    ["the id encoded otherwise", (origin) => `${origin}/api/things/a%2fb/parts?page_token=1`, "is off path"],
    ["the id double-encoded", (origin) => `${origin}/api/things/a%252Fb/parts?page_token=1`, "is off path"],
    [
      "into the id's path and out of it",
      (origin) => `${origin}/api/things/a%2Fb/parts/../../t2/parts?page_token=1`,
      "is off path",
    ],
    ["the template itself", (origin) => `${origin}/api/things/{id}/parts?page_token=1`, "is off path"],
    ["a trailing slash", (origin) => `${origin}/api/things/a%2Fb/parts/?page_token=1`, "is off path"],
    [
      "the same path on another origin",
      () => `${other.url}/api/things/a%2Fb/parts?page_token=1`,
      "is off origin",
    ],
  ];

  it.each(table)("%s", async (_, link, refused) => {
    nextOf = link;
    const client = createClient<ThingPaths>({ baseUrl: `${crafted.url}/api` });
    const { value, error } = await settle(
      paginate(client, "/things/{id}/parts", { path: { id: "a/b" } }).toArray(),
    );
    if (refused === undefined) {
      expect(value?.map((part) => part.index)).toEqual([0, 1]);
      expect(crafted.requests.map((request) => request.path)).toEqual([
        "/api/things/a%2Fb/parts",
        "/api/things/a%2Fb/parts",
      ]);
    } else {
      expect(error).toBeInstanceOf(UnsafeNextLinkError);
      expect((error as Error).message).toContain(refused);
      expect(crafted.requests).toHaveLength(1);
      expect(other.requests).toEqual([]);
    }
  });
});
