import { describe, expect, it } from "vitest";
import { ATTEMPT_HEADER, NetworkError, type RetryEvent } from "../src/index.js";
import { createRedactor } from "../src/internal/redact.js";
import { retryingFetch } from "../src/internal/retrying-fetch.js";
import { testClient } from "./helpers/client.js";
import { EMPTY_PAGE, fetchStub, json } from "./helpers/fetch-stub.js";

const refused = () =>
  new TypeError("fetch failed", {
    cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" }),
  });

/** A 200 whose body stream fails half-way, as Node's fetch does when the connection drops. */
function truncated(): Response {
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      controller.enqueue(new TextEncoder().encode('{"links":{'));
      controller.error(
        new TypeError("terminated", {
          cause: Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" }),
        }),
      );
    },
  });
  return new Response(stream, { status: 200, headers: { "content-type": "application/json" } });
}

describe("retries: which failures are retried, and how many times", () => {
  it.each([
    // answer of every attempt → attempts made (1 + maxRetries 2 when retried)
    ["408", () => json({}, 408), 3],
    ["429", () => json({ error: "Too Many Requests" }, 429), 3],
    ["500", () => json({ error: "Internal Server Error" }, 500), 3],
    ["502", () => json({}, 502), 3],
    ["503", () => json({}, 503), 3],
    ["504", () => json({}, 504), 3],
    ["connection refused", refused, 3],
    ["a truncated body", truncated, 3],
    ["a 200 whose body is not JSON", () => new Response('{"links":', { status: 200 }), 3],
    ["400", () => json({ error: "Bad Request" }, 400), 1],
    ["401", () => json({ error: "Unauthorized" }, 401), 1],
    ["404", () => json({}, 404), 1],
    ["422", () => json({ errors: [] }, 422), 1],
    ["501", () => json({}, 501), 1],
  ])("%s: %i attempts", async (_, answer, attempts) => {
    const fetch = fetchStub(() => {
      const result = answer();
      if (result instanceof Error) throw result;
      return result;
    });
    const result = await testClient({ fetch })
      .GET("/logs")
      .catch((error: unknown) => error);
    expect(fetch.requests).toHaveLength(attempts);
    if (result instanceof Error) expect(result).toBeInstanceOf(NetworkError);
  });

  it("returns the first success after failures, numbering each attempt in X-Attempt", async () => {
    const fetch = fetchStub(json({}, 503), refused(), json(EMPTY_PAGE));
    const { data, response } = await testClient({ fetch }).GET("/logs");
    expect(data).toEqual(EMPTY_PAGE);
    expect(response.status).toBe(200);
    expect(fetch.requests.map((request) => request.headers.get(ATTEMPT_HEADER))).toEqual(["1", "2", "3"]);
  });

  it("sends the same URL, query and headers on every attempt", async () => {
    const fetch = fetchStub(json({}, 500), json(EMPTY_PAGE));
    await testClient({ fetch, headers: { "x-team": "a" } }).GET("/logs", {
      params: { query: { page_size: 7 } },
    });
    const [first, second] = fetch.requests;
    expect(second?.url).toBe(first?.url);
    expect(second?.url).toBe("http://api.test/api/voice/logs?page_size=7");
    for (const name of ["authorization", "user-agent", "x-team", "accept"]) {
      expect(second?.headers.get(name)).toBe(first?.headers.get(name));
    }
  });

  it("gives up after maxRetries and returns the last answer", async () => {
    const fetch = fetchStub(json({ error: "Internal Server Error" }, 500));
    const { error, response } = await testClient({ fetch, maxRetries: 4 }).GET("/logs");
    expect(fetch.requests).toHaveLength(5);
    expect(response.status).toBe(500);
    expect(error).toEqual({ error: "Internal Server Error" });
  });

  it("does not retry at all with maxRetries 0", async () => {
    const fetch = fetchStub(json({}, 503));
    await testClient({ fetch, maxRetries: 0 }).GET("/logs");
    expect(fetch.requests).toHaveLength(1);
  });

  it("throws NetworkError after the last network failure, naming the root cause", async () => {
    const fetch = fetchStub(refused());
    const error = await testClient({ fetch })
      .GET("/logs")
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ name: "NetworkError", attempts: 3 });
    expect((error as Error).message).toBe(
      "GET http://api.test/api/voice/logs (attempt 3) failed: connect ECONNREFUSED 127.0.0.1:9 (ECONNREFUSED). Check baseUrl and the network.",
    );
    expect((error as Error).cause).toMatchObject({
      message: "connect ECONNREFUSED 127.0.0.1:9",
      code: "ECONNREFUSED",
    });
  });

  it("tells onRetry each failed attempt, its status or error, and the wait", async () => {
    const events: RetryEvent[] = [];
    const fetch = fetchStub(json({}, 429, { "retry-after": "0" }), refused(), json(EMPTY_PAGE));
    await testClient({
      fetch,
      onRetry: (event) => events.push(event),
      backoff: { initialDelayMs: 8, random: () => 0 },
    }).GET("/logs");
    expect(events).toEqual([
      { attempt: 1, delayMs: 0, status: 429 }, // Retry-After: 0
      { attempt: 2, delayMs: 8, error: expect.any(NetworkError) }, // backoff: 16 ms, half of it fixed
    ]);
  });

  it("honours Retry-After over the backoff, and stops when it asks for more than a minute", async () => {
    const events: RetryEvent[] = [];
    const onRetry = (event: RetryEvent) => events.push(event);
    const longWait = fetchStub(json({}, 429, { "retry-after": "61" }));
    const { response } = await testClient({ fetch: longWait, onRetry }).GET("/logs");
    expect(response.status).toBe(429);
    expect(longWait.requests).toHaveLength(1);
    expect(events).toEqual([]);
  });

  it("retries idempotent methods only: a POST is sent once", async () => {
    const fetch = fetchStub(json({}, 503));
    const retrying = retryingFetch({
      fetch,
      maxRetries: 2,
      timeoutMs: 1_000,
      backoff: { initialDelayMs: 0, maxDelayMs: 0, random: Math.random },
      redact: createRedactor(["test-token"]),
      maxResponseBytes: 1_000_000,
      origin: "http://api.test",
      authorization: "Basic x",
      userAgent: "test",
    });
    const post = await retrying(
      new Request("http://api.test/api/voice/logs", { method: "POST", body: "{}" }),
    );
    expect(post.status).toBe(503);
    expect(fetch.requests).toHaveLength(1);
    const put = await retrying(new Request("http://api.test/api/voice/logs", { method: "PUT", body: "{}" }));
    expect(put.status).toBe(503);
    expect(fetch.requests).toHaveLength(4);
    expect(await fetch.requests[3]?.text()).toBe("{}"); // each retry sends the body again
  });
});
