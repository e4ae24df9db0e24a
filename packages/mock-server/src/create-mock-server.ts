import { createMockServerCore } from "./internal/mock-server-core.js";
import type { MockServer, MockServerOptions } from "./mock-server.js";

/**
 * A mock SignalWire Voice Logs server as a fetch handler: call it in process, or serve it with
 * {@link startMockServer}. It answers `GET /api/voice/logs`, `/logs/{id}` (the log as listed)
 * and `/logs/{id}/events`. Deterministic: the same options give the same logs, events and links.
 *
 * @example
 * ```ts
 * import { createMockServer } from "@signalwire-voice/mock-server";
 *
 * const server = createMockServer({ logs: 3, faults: [{ first: 1, fault: { type: "rate-limit" } }] });
 * const auth = { authorization: `Basic ${btoa("test-project:test-token")}` };
 * const url = "http://mock.test/api/voice/logs";
 * (await server.fetch(url, { headers: auth })).status; // 429
 * const { data, links } = await (await server.fetch(url, { headers: auth })).json(); // 3 logs
 * server.requests.length; // 2
 * const events = await (await server.fetch(`${url}/${data[0].id}/events`, { headers: auth })).json();
 * events.data[0].name; // e.g. "calling_call_initiated"
 * ```
 */
export function createMockServer(options: MockServerOptions = {}): MockServer {
  return createMockServerCore(options).server;
}
