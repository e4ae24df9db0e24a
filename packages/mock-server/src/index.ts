/**
 * A local SignalWire Voice Logs server for tests — `GET /api/voice/logs`, `/logs/{id}` and
 * `/logs/{id}/events`, all from one seeded dataset: a fetch handler
 * ({@link createMockServer}), the same on a real port ({@link startMockServer}), and the CLI
 * `signalwire-voice-mock`. The dataset, page tokens and node adapter stay internal: their shape
 * is what the server answers, not an API.
 *
 * @example
 * ```ts
 * import { startMockServer } from "@signalwire-voice/mock-server";
 *
 * const server = await startMockServer({ logs: 10_000 });
 * console.log(server.baseUrl); // http://127.0.0.1:PORT/api/voice
 * await server.close();
 * ```
 * @module
 */
export { createMockServer } from "./create-mock-server.js";
export { MOCK_SERVER_DEFAULTS } from "./defaults.js";
export type { Fault, FaultRule } from "./fault-rule.js";
export type { MockServer, MockServerOptions, RecordedRequest } from "./mock-server.js";
export { type RunningMockServer, type StartMockServerOptions, startMockServer } from "./start-mock-server.js";
