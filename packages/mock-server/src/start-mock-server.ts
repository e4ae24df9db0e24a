import { createMockServerCore } from "./internal/mock-server-core.js";
import { serve } from "./internal/node-adapter.js";
import { BASE_PATH } from "./internal/routes.js";
import { resolveTimeouts } from "./internal/timeouts.js";
import type { MockServer, MockServerOptions } from "./mock-server.js";

/**
 * @example
 * ```ts
 * const options: StartMockServerOptions = { port: 0, logs: 10_000, headersTimeout: 2_000 };
 * ```
 */
export interface StartMockServerOptions extends MockServerOptions {
  /** Interface to listen on (default "127.0.0.1"). */
  host?: string;
  /** Port to listen on; 0 (the default) picks any free port. */
  port?: number;
  /**
   * Milliseconds a client has to send a request's line and headers, counted from connecting (on a
   * kept-alive connection, from the request's first byte); then 408 and close. Default 10 000, or
   * `requestTimeout` if that is shorter.
   */
  headersTimeout?: number;
  /** Milliseconds a client has to send a whole request, body included (default 30 000); then 408 and close. */
  requestTimeout?: number;
  /** Milliseconds an idle keep-alive connection stays open (default 5 000). */
  keepAliveTimeout?: number;
}

/**
 * A started server and its controls.
 *
 * @example
 * ```ts
 * const server = await startMockServer();
 * server.url; // "http://127.0.0.1:41234"
 * server.baseUrl; // "http://127.0.0.1:41234/api/voice"
 * await server.close();
 * ```
 */
export interface RunningMockServer extends MockServer {
  /** `http://127.0.0.1:PORT`: the origin the server listens on. */
  url: string;
  /** `http://127.0.0.1:PORT/api/voice`: what a client takes as its base URL. */
  baseUrl: string;
  /** Stops listening and drops open connections. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Serves {@link createMockServer} over real HTTP. Resets and truncated bodies happen on the
 * socket itself. Malformed requests get a JSON 400 (or 405, 408, 431), never a crash, and
 * stalled connections are closed after the timeouts.
 *
 * @example
 * ```ts
 * import { afterAll, beforeAll, expect, it } from "vitest";
 * import { type RunningMockServer, startMockServer } from "@signalwire-voice/mock-server";
 *
 * let server: RunningMockServer;
 * beforeAll(async () => {
 *   server = await startMockServer({ logs: 250 });
 * });
 * afterAll(() => server.close());
 *
 * it("lists logs", async () => {
 *   const response = await fetch(`${server.baseUrl}/logs?page_size=100`, {
 *     headers: { authorization: `Basic ${btoa("test-project:test-token")}` },
 *   });
 *   expect((await response.json()).data).toHaveLength(100);
 * });
 * ```
 */
export async function startMockServer(options: StartMockServerOptions = {}): Promise<RunningMockServer> {
  const {
    host = "127.0.0.1",
    port = 0,
    headersTimeout,
    requestTimeout,
    keepAliveTimeout,
    ...serverOptions
  } = options;
  const timeouts = resolveTimeouts({ headersTimeout, requestTimeout, keepAliveTimeout });
  const { server, reply } = createMockServerCore(serverOptions);
  const served = await serve(reply, { host, port, ...timeouts });
  // Spread would copy `requests` once; getters must stay live.
  return Object.defineProperties({} as RunningMockServer, {
    ...Object.getOwnPropertyDescriptors(server),
    url: { value: served.url, enumerable: true },
    baseUrl: { value: `${served.url}${BASE_PATH}`, enumerable: true },
    close: { value: served.close, enumerable: true },
  });
}
