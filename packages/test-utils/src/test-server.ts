import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { sendJson } from "./send-json.js";

/**
 * A request as a test server saw it, before its handler ran.
 *
 * @example
 * ```ts
 * const [first] = server.requests;
 * expect(first?.path).toBe("/api/voice/logs");
 * expect(first?.query.page_size).toBe("10");
 * expect(first?.headers.authorization).toBeUndefined();
 * ```
 */
export interface SeenRequest {
  method: string;
  /** The request target as sent: path and query, e.g. `/api/voice/logs?page_size=10`. */
  url: string;
  /** The target's path, e.g. `/api/voice/logs`. */
  path: string;
  /** The target's query; of a name given twice, the last value. */
  query: Record<string, string>;
  /** Node's headers: names in lower case. */
  headers: IncomingHttpHeaders;
}

/**
 * Answers one request. `url` is the request target resolved against `origin`, the server's own
 * `http://127.0.0.1:PORT`, so links it writes point back at this server. A handler that never
 * answers is allowed: `close()` ends the socket.
 *
 * @example
 * ```ts
 * const handler: TestHandler = (_, response, url, origin) =>
 *   sendJson(response, { links: { self: `${origin}${url.pathname}` }, data: [] });
 * ```
 */
export type TestHandler = (
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  origin: string,
) => void;

/**
 * A running test server.
 *
 * @example
 * ```ts
 * const server = await startTestServer();
 * await fetch(`${server.url}/anything`);
 * server.requests.length; // 1
 * await server.close();
 * ```
 */
export interface TestServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** Every request so far, in arrival order; a test may empty it (`requests.length = 0`). */
  requests: SeenRequest[];
  /** Stops listening and ends every open socket, kept-alive or mid-answer. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Starts a real HTTP server on 127.0.0.1 (never another interface) at a free port, recording every
 * request, then answering with `handler`; by default with an empty SignalWire list page,
 * `{ links: { self, first }, data: [] }`. It is the second origin of security tests, or a list
 * server written in a few lines.
 *
 * @example
 * ```ts
 * import { sendJson, startTestServer } from "@signalwire-voice/test-utils";
 *
 * const server = await startTestServer((request, response, url) =>
 *   url.pathname === "/api/things" ? sendJson(response, { data: [] }) : sendJson(response, {}, 404),
 * );
 * const response = await fetch(`${server.url}/api/things?page_size=2`);
 * server.requests[0]?.query; // { page_size: "2" }
 * await server.close();
 * ```
 */
export async function startTestServer(handler: TestHandler = answerEmptyList): Promise<TestServer> {
  const requests: SeenRequest[] = [];
  let origin = "";
  // Request lines and headers up to 64 KiB (Node's default is 16 KiB): long next links and
  // cursors reach the handler instead of a 431.
  const server = createServer({ maxHeaderSize: 64 * 1024 }, (request, response) => {
    const target = request.url ?? "/";
    const url = new URL(target, origin);
    const query = Object.fromEntries(url.searchParams);
    requests.push({
      method: request.method ?? "",
      url: target,
      path: url.pathname,
      query,
      headers: request.headers,
    });
    handler(request, response, url, origin);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function answerEmptyList(_: IncomingMessage, response: ServerResponse, url: URL, origin: string): void {
  const self = `${origin}${url.pathname}`;
  sendJson(response, { links: { self, first: self }, data: [] });
}
