import { sendJson, startTestServer, type TestServer } from "@signalwire-voice/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError, InputError, unwrap } from "../src/index.js";
import { TOKEN, testClient } from "./helpers/client.js";

const ID = "b7182dc2-00f3-40e4-a5ce-20f164b329df";
const LOG = {
  id: ID,
  created_at: "2026-01-02T03:04:05Z",
  discarded_at: "2026-01-03T00:00:00Z",
};
const EVENT = {
  event_at: "2026-01-02T03:04:05Z",
  level: "info",
  name: "calling_call_initiated",
  details: { from: "+15551234567" },
  project_id: "0b9f3c1e-2f4d-4c5b-8a6e-7d8c9b0a1f2e",
  log_id: ID,
};

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer((_, response, url) => {
    if (url.pathname === `/api/voice/logs/${ID}`) return sendJson(response, LOG);
    if (url.pathname === `/api/voice/logs/${ID}/events`) return sendJson(response, { data: [EVENT] });
    sendJson(response, { error: "Not Found" }, 404);
  });
});
afterAll(() => server.close());
const client = () => testClient({ baseUrl: `${server.url}/api/voice`, maxRetries: 0 });

describe("GET /logs/{id} and /logs/{id}/events", () => {
  it("fetches a log and its events by id", async () => {
    server.requests.length = 0;
    const log = unwrap(await client().GET("/logs/{id}", { params: { path: { id: ID } } }));
    expect(log).toEqual(LOG);
    const events = unwrap(await client().GET("/logs/{id}/events", { params: { path: { id: ID } } }));
    expect(events.data).toEqual([EVENT]);
    expect(server.requests.map((request) => request.url)).toEqual([
      `/api/voice/logs/${ID}`,
      `/api/voice/logs/${ID}/events`,
    ]);
  });

  it("takes an upper-case UUID as it is", async () => {
    server.requests.length = 0;
    await client().GET("/logs/{id}", { params: { path: { id: ID.toUpperCase() } } });
    expect(server.requests[0]?.url).toBe(`/api/voice/logs/${ID.toUpperCase()}`);
  });

  it("returns the spec's 404 body for an unknown log, and unwrap throws it as an ApiError", async () => {
    const other = "00000000-0000-4000-8000-000000000000";
    const { data, error, response } = await client().GET("/logs/{id}", { params: { path: { id: other } } });
    expect([data, error, response.status]).toEqual([undefined, { error: "Not Found" }, 404]);
    const thrown = await client()
      .GET("/logs/{id}/events", { params: { path: { id: other } } })
      .then(unwrap, (e: unknown) => e)
      .catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(ApiError);
    expect((thrown as ApiError).is(404) && (thrown as ApiError<404>).body.error).toBe("Not Found");
  });

  // Each would change the path (or reach another resource) if it were sent as it is.
  it.each([
    ["a parent segment", ".."],
    ["a dot segment", "."],
    ["a slash", `${ID}/events`],
    ["a relative path", `../${ID}`],
    ["an encoded slash", `${ID.slice(0, 8)}%2F${ID.slice(9)}`],
    ["a query", `${ID}?include_deleted=true`],
    ["a fragment", `${ID}#x`],
    ["an empty id", ""],
    ["a UUID with spaces", ` ${ID} `],
    ["a UUID without dashes", ID.replaceAll("-", "")],
    ["a number", 42],
    ["null", null],
    ["no id", undefined],
  ])("refuses %s before sending anything", async (_name, id) => {
    server.requests.length = 0;
    for (const path of ["/logs/{id}", "/logs/{id}/events"] as const) {
      const call = client().GET(path as "/logs/{id}", { params: { path: { id: id as string } } });
      await expect(call).rejects.toThrow(InputError);
      await expect(call).rejects.toMatchObject({
        field: "path.id",
        message: expect.stringMatching(/Nothing was sent/),
      });
    }
    expect(server.requests).toEqual([]);
  });

  it("refuses a call without params or without params.path (JavaScript callers)", async () => {
    server.requests.length = 0;
    const untyped = client().GET as (url: string, init?: object) => Promise<unknown>;
    await expect(untyped("/logs/{id}")).rejects.toMatchObject({ name: "InputError", field: "path.id" });
    await expect(untyped("/logs/{id}/events", { params: { query: {} } })).rejects.toMatchObject({
      field: "path.id",
    });
    const request = client().request as (method: string, url: string, init?: object) => Promise<unknown>;
    await expect(request("get", "/logs/{id}")).rejects.toMatchObject({
      name: "InputError",
      field: "path.id",
    });
    expect(server.requests).toEqual([]);
  });

  it("never quotes the token when it is passed as the id", async () => {
    const error = await client()
      .GET("/logs/{id}", { params: { path: { id: TOKEN } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(String((error as Error).message)).not.toContain(TOKEN);
    expect(String((error as Error).message)).toContain("[redacted]");
  });
});
