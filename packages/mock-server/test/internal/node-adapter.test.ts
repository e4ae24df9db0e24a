import { describe, expect, it } from "vitest";
import { serve } from "../../src/internal/node-adapter.js";
import { resolveTimeouts } from "../../src/internal/timeouts.js";
import { rawExchange } from "../raw-http.js";

const GET = "GET /api/voice/logs HTTP/1.1\r\nHost: mock.test\r\nConnection: close\r\n\r\n";
const OPTIONS = { host: "127.0.0.1", port: 0, ...resolveTimeouts({}) };

/** Serves `reply`, sends one GET, then checks the server still answers a second one. */
async function twice(reply: Parameters<typeof serve>[0]) {
  const served = await serve(reply, OPTIONS);
  try {
    const first = await rawExchange(served.url, GET);
    const second = await rawExchange(served.url, GET);
    return { first, second };
  } finally {
    await served.close();
  }
}

describe("a handler that fails never takes the server down", () => {
  it("a handler that throws synchronously: 500 with the spec's error body", async () => {
    const { first, second } = await twice(() => {
      throw new Error("boom");
    });
    for (const { responses } of [first, second]) {
      expect(responses.map(({ status, body }) => [status, body])).toEqual([
        [500, '{"error":"Internal Server Error"}'],
      ]);
    }
  });

  it("a handler that rejects: 500 with the spec's error body", async () => {
    const { first, second } = await twice(() => Promise.reject(new Error("boom")));
    for (const { responses } of [first, second]) {
      expect(responses.map(({ status, body }) => [status, body])).toEqual([
        [500, '{"error":"Internal Server Error"}'],
      ]);
    }
  });

  it("a reply Node cannot write (a header value with a newline): the connection closes", async () => {
    const { first, second } = await twice(async () => ({
      status: 200,
      headers: { "x-broken": "a\nb" },
      body: "{}",
    }));
    expect([first.responses, second.responses]).toEqual([[], []]);
    expect([first.ending, second.ending]).toEqual(["closed", "closed"]);
  });
});
