import { setTimeout as wait } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { AbortError, TimeoutError } from "../src/index.js";
import { testClient } from "./helpers/client.js";
import { EMPTY_PAGE, fetchStub, hangingFetch, json } from "./helpers/fetch-stub.js";

describe("timeouts: each attempt has its own clock", () => {
  it("times out each attempt, retries it, and throws TimeoutError after the last", async () => {
    const fetch = fetchStub(hangingFetch);
    const error = await testClient({ fetch, timeoutMs: 20 })
      .GET("/logs")
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ name: "TimeoutError", timeoutMs: 20, attempts: 3 });
    expect((error as Error).message).toBe(
      "GET http://api.test/api/voice/logs (attempt 3) timed out after timeoutMs (20 ms).",
    );
    expect(fetch.requests).toHaveLength(3);
    expect(fetch.requests.every((request) => request.signal.aborted)).toBe(true);
  });

  it("recovers when a later attempt answers in time", async () => {
    const fetch = fetchStub(hangingFetch, json(EMPTY_PAGE));
    const { data } = await testClient({ fetch, timeoutMs: 20 }).GET("/logs");
    expect(data).toEqual(EMPTY_PAGE);
    expect(fetch.requests).toHaveLength(2);
  });

  it("starts the clock when the attempt starts, not when the client was created", async () => {
    const fetch = fetchStub(async () => {
      await wait(10);
      return json(EMPTY_PAGE);
    });
    const client = testClient({ fetch, timeoutMs: 60, maxRetries: 0 });
    await wait(100); // longer than timeoutMs
    const { data } = await client.GET("/logs");
    expect(data).toEqual(EMPTY_PAGE);
  });

  it("covers the body, not only the headers: a body that stalls times out", async () => {
    const stalled = () =>
      new Response(
        new ReadableStream({ start: (controller) => controller.enqueue(new TextEncoder().encode("{")) }),
        {
          headers: { "content-type": "application/json" },
        },
      );
    const fetch = fetchStub(stalled);
    const error = await testClient({ fetch, timeoutMs: 20, maxRetries: 1 })
      .GET("/logs")
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(fetch.requests).toHaveLength(2);
  });
});

describe("aborts: the caller's signal ends everything, and is told apart from a timeout", () => {
  it("throws AbortError, with the signal's reason as cause, when aborted during an attempt", async () => {
    const fetch = fetchStub(hangingFetch);
    const controller = new AbortController();
    const pending = testClient({ fetch }).GET("/logs", { signal: controller.signal });
    await wait(5);
    controller.abort(new Error("user left"));
    const error = await pending.catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(AbortError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({
      name: "AbortError",
      message: "GET http://api.test/api/voice/logs was aborted.",
    });
    expect((error as Error).cause).toEqual(new Error("user left"));
    expect(fetch.requests).toHaveLength(1);
  });

  it("stops waiting to retry as soon as the signal aborts", async () => {
    const fetch = fetchStub(json({}, 503, { "retry-after": "30" }));
    const controller = new AbortController();
    const started = Date.now();
    const pending = testClient({ fetch }).GET("/logs", { signal: controller.signal });
    await wait(20);
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(AbortError);
    expect(Date.now() - started).toBeLessThan(20_000); // not the 30 s Retry-After
    expect(fetch.requests).toHaveLength(1);
  });

  it("aborts every request of the client through the client's signal", async () => {
    const controller = new AbortController();
    const client = testClient({ fetch: fetchStub(hangingFetch), signal: controller.signal });
    const pending = [client.GET("/logs"), client.GET("/logs")];
    controller.abort();
    for (const request of pending) await expect(request).rejects.toBeInstanceOf(AbortError);
  });

  it("sends nothing when the signal is already aborted", async () => {
    const fetch = fetchStub(json(EMPTY_PAGE));
    const error = await testClient({ fetch })
      .GET("/logs", { signal: AbortSignal.abort() })
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(AbortError);
    expect(fetch.requests).toHaveLength(0);
  });
});
