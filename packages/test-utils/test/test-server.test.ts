import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { sendJson, startTestServer, type TestServer } from "../src/index.js";

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
async function start(...args: Parameters<typeof startTestServer>): Promise<TestServer> {
  const server = await startTestServer(...args);
  servers.push(server);
  return server;
}

describe("startTestServer", () => {
  it("listens on 127.0.0.1 at a port of its own", async () => {
    const [first, second] = [await start(), await start()];
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(second.url).not.toBe(first.url);
  });

  it("records each request: method, target, path, query and headers", async () => {
    const server = await start();
    await fetch(`${server.url}/api/things?page_size=2&color=red&color=blue`, {
      headers: { authorization: "Basic eDp5", "x-attempt": "1" },
    });
    await fetch(`${server.url}/other`, { method: "POST", body: "{}" });
    expect(server.requests).toEqual([
      {
        method: "GET",
        url: "/api/things?page_size=2&color=red&color=blue",
        path: "/api/things",
        query: { page_size: "2", color: "blue" },
        headers: expect.objectContaining({ authorization: "Basic eDp5", "x-attempt": "1" }),
      },
      expect.objectContaining({ method: "POST", url: "/other", path: "/other", query: {} }),
    ]);
    server.requests.length = 0;
    await fetch(server.url);
    expect(server.requests).toHaveLength(1);
  });

  it("answers an empty list page by default, its links on its own origin", async () => {
    const server = await start();
    const response = await fetch(`${server.url}/api/voice/logs?page_size=5`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    const self = `${server.url}/api/voice/logs`;
    expect(await response.json()).toEqual({ links: { self, first: self }, data: [] });
  });

  it("passes the handler the resolved URL and the server's origin", async () => {
    const seen: [string, string][] = [];
    const server = await start((_, response, url, origin) => {
      seen.push([url.href, origin]);
      sendJson(response, { error: "Not Found" }, 404);
    });
    const response = await fetch(`${server.url}/a/b?c=d`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "Not Found" });
    expect(seen).toEqual([[`${server.url}/a/b?c=d`, server.url]]);
  });

  it("takes request lines of up to 64 KiB (Node's default stops at 16 KiB)", async () => {
    const server = await start();
    const response = await fetch(`${server.url}/?a=${"x".repeat(60 * 1024)}`);
    expect(response.status).toBe(200);
    expect(server.requests[0]?.query.a).toHaveLength(60 * 1024);
  });
});

describe("close()", () => {
  it("ends a kept-alive socket, and the port stops accepting", async () => {
    const server = await startTestServer();
    const { port } = new URL(server.url);
    const socket = connect(Number(port), "127.0.0.1");
    const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
    const answered = new Promise<string>((resolve) => socket.once("data", (chunk) => resolve(String(chunk))));
    socket.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n");
    expect(await answered).toMatch(/^HTTP\/1\.1 200 OK\r\n.*keep-alive/is);
    expect(socket.destroyed).toBe(false);
    await server.close();
    await closed;
    const refused = await fetch(server.url).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TypeError);
    await server.close(); // twice is fine
  });

  it("ends a socket whose request the handler never answers", async () => {
    const server = await startTestServer(() => {});
    const pending = new Promise<string>((resolve) => {
      httpRequest(server.url)
        .on("error", (error) => resolve(`error: ${error.message}`))
        .end();
    });
    while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await server.close();
    expect(await pending).toBe("error: socket hang up");
  });
});
