import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createVoiceClient, type VoiceClientOptions } from "@signalwire-voice/client";
import type { RunningMockServer } from "@signalwire-voice/mock-server";

export const PROJECT_ID = "test-project";
export const TOKEN = "test-token";
/** base64("test-project:test-token"): what must never reach another server. */
export const CREDENTIALS = btoa(`${PROJECT_ID}:${TOKEN}`);

/** A voice client of the mock server: its credentials, no environment, retries without waiting. */
export function voiceClient(server: { baseUrl: string }, options: VoiceClientOptions = {}) {
  return createVoiceClient({
    baseUrl: server.baseUrl,
    projectId: PROJECT_ID,
    token: TOKEN,
    env: {},
    backoff: { initialDelayMs: 0, maxDelayMs: 0, random: () => 0 },
    ...options,
  });
}

/** The query of each request the mock server received, as a plain object. */
export function queries(server: RunningMockServer): Record<string, string>[] {
  return server.requests.map((request) => Object.fromEntries(new URL(request.url).searchParams));
}

/** A request as a test server saw it. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

/** A real HTTP server on 127.0.0.1 with a request log: another origin, or a list of our own. */
export interface TestServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

type Handler = (request: IncomingMessage, response: ServerResponse, url: URL, origin: string) => void;

/** Starts a server on 127.0.0.1 (any free port); by default it answers every request with an empty list. */
export async function startTestServer(handler?: Handler): Promise<TestServer> {
  const requests: SeenRequest[] = [];
  // Request lines up to 64 KiB (Node's default is 16 KiB in all): what pagination sends for a
  // next link of up to 16 KiB gets through.
  const server = createServer({ maxHeaderSize: 64 * 1024 }, (request, response) => {
    requests.push({ method: request.method ?? "", url: request.url ?? "", headers: request.headers });
    const origin = `http://${request.headers.host}`;
    if (handler) handler(request, response, new URL(request.url ?? "/", origin), origin);
    else sendJson(response, { links: { self: origin, first: origin }, data: [] });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(response: ServerResponse, body: unknown, status = 200): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

/** Collects an async iterable (a test's `toArray`, independent of the one under test). */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** The promise's value or rejection, side by side, so a test can assert on either. */
export function settle<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}
