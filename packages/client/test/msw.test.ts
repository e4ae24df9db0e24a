import { createMockServer } from "@signalwire-voice/mock-server";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError, createVoiceClient, unwrap } from "../src/index.js";

// The mock server's fetch handler behind MSW: a user's test stack intercepts the real Space's
// URL, and gets the mock's data, validation and faults. The client is made after `listen()`,
// which is when MSW replaces the global fetch the client takes.
const mock = createMockServer({ logs: 120 });
const msw = setupServer(
  http.all("https://example.signalwire.com/api/voice/*", ({ request }) => mock.fetch(request)),
  // Anything else this suite sends is a mistake: answered, and seen by the test.
  http.all("*", () => HttpResponse.json({ error: "unexpected" }, { status: 599 })),
);
beforeAll(() => msw.listen({ onUnhandledRequest: "error" }));
afterAll(() => msw.close());
const client = () =>
  createVoiceClient({
    space: "example",
    projectId: "test-project",
    token: "test-token",
    env: {},
    backoff: { initialDelayMs: 0 },
  });

describe("the mock server through MSW", () => {
  it("answers the three operations with the mock's data", async () => {
    const page = unwrap(await client().GET("/logs", { params: { query: { page_size: 50 } } }));
    expect(page.data).toHaveLength(50);
    expect(page.links.next).toMatch(/^https:\/\/example\.signalwire\.com\/api\/voice\/logs\?/);
    const id = page.data[0]?.id ?? "";
    expect(unwrap(await client().GET("/logs/{id}", { params: { path: { id } } }))).toEqual(page.data[0]);
    const events = unwrap(await client().GET("/logs/{id}/events", { params: { path: { id } } })).data;
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((event) => event.log_id === id)).toBe(true);
  });

  it("keeps the mock's validation and auth", async () => {
    const wrongToken = createVoiceClient({
      space: "example",
      projectId: "test-project",
      token: "not-the-token",
      env: {},
    });
    const unauthorized = await wrongToken
      .GET("/logs")
      .then(unwrap, (error: unknown) => error)
      .catch((e: unknown) => e);
    expect(unauthorized).toBeInstanceOf(ApiError);
    expect((unauthorized as ApiError).status).toBe(401);
    const { error, response } = await client().GET("/logs", {
      params: { query: { page_token: "PAnot-a-token" } },
    });
    expect(response.status).toBe(422);
    expect(error).toMatchObject({ errors: [expect.objectContaining({ attribute: "page_token" })] });
  });

  it("keeps the mock's faults: a 503 the client retries", async () => {
    mock.clearRequests();
    mock.addFault({ nth: [1], fault: { type: "server-error", status: 503 } });
    const { data, response } = await client().GET("/logs", { params: { query: { page_size: 5 } } });
    expect(response.status).toBe(200);
    expect(data?.data).toHaveLength(5);
    // The 503, then the retry (numbered by the client's X-Attempt header).
    expect(mock.requests.map((request) => request.headers["x-attempt"])).toEqual(["1", "2"]);
    mock.clearFaults();
  });
});
