import { describe, expect, it } from "vitest";
import { startMockServer } from "../src/index.js";
import { AUTH, getJson } from "./helpers.js";
import { rawExchange } from "./raw-http.js";

/** Sends raw bytes; what came back once the server answered and closed. */
const raw = async (url: string, text: string) => (await rawExchange(url, text)).text;

describe("startMockServer", () => {
  it("listens on 127.0.0.1 and any free port by default", async () => {
    const server = await startMockServer();
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(server.baseUrl).toBe(`${server.url}/api/voice`);
      const { status, body } = await getJson(fetch, `${server.baseUrl}/logs`);
      expect(status).toBe(200);
      expect(body.data).toHaveLength(50);
    } finally {
      await server.close();
    }
  });

  it("takes the links' origin from the Host header the client sent", async () => {
    const server = await startMockServer({ logs: 3 });
    try {
      const answer = await raw(
        server.url,
        `GET /api/voice/logs?page_size=1 HTTP/1.1\r\nHost: voice.example:8080\r\nAuthorization: ${AUTH.authorization}\r\nConnection: close\r\n\r\n`,
      );
      expect(answer).toContain('"self":"http://voice.example:8080/api/voice/logs?page_number=0&page_size=1"');
    } finally {
      await server.close();
    }
  });

  it("answers 400 when the Host header is unusable", async () => {
    const server = await startMockServer({ logs: 3 });
    try {
      const answer = await raw(
        server.url,
        "GET /api/voice/logs HTTP/1.1\r\nHost: bad host\r\nConnection: close\r\n\r\n",
      );
      expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request/);
      expect(answer).toContain('{"error":"Bad Request"}');
    } finally {
      await server.close();
    }
  });

  it("closes with keep-alive connections open, and close() twice is fine", async () => {
    const server = await startMockServer({ logs: 3 });
    await fetch(`${server.baseUrl}/logs`, { headers: AUTH });
    await server.close();
    await server.close();
    await expect(fetch(`${server.baseUrl}/logs`)).rejects.toThrow();
  });

  it("keeps the controls live", async () => {
    const server = await startMockServer({ logs: 3 });
    try {
      server.insertLogs(2);
      server.addFault({ nth: 2, fault: { type: "server-error", status: 503 } });
      expect((await getJson(fetch, `${server.baseUrl}/logs`)).body.data).toHaveLength(5);
      expect((await fetch(`${server.baseUrl}/logs`, { headers: AUTH })).status).toBe(503);
      expect(server.requests).toHaveLength(2);
    } finally {
      await server.close();
    }
  });

  it("rejects when the port is taken", async () => {
    const first = await startMockServer();
    try {
      const port = Number(new URL(first.url).port);
      await expect(startMockServer({ port })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await first.close();
    }
  });
});
