import type { FaultRule } from "./fault-rule.js";

/**
 * @example
 * ```ts
 * const options: MockServerOptions = { logs: 10_000, seed: "walk", projectId: "p", token: "t" };
 * ```
 */
export interface MockServerOptions {
  /** Live logs a plain listing returns (default 1000); discarded logs come on top. */
  logs?: number;
  /** Seed of the dataset and of probabilistic faults (default 1). Same seed, same logs. */
  seed?: string | number;
  /** Basic auth user (default "test-project"). */
  projectId?: string;
  /** Basic auth password (default "test-token"). */
  token?: string;
  /** Fault rules in force from the start; see {@link FaultRule}. */
  faults?: readonly FaultRule[];
  /** Keep the request log (default true). A long-running server can turn it off. */
  recordRequests?: boolean;
}

/**
 * One request as the server received it. Header names are lower-case.
 *
 * @example
 * ```ts
 * const [first] = server.requests;
 * expect(first?.headers.authorization).toBe(`Basic ${btoa("test-project:test-token")}`);
 * ```
 */
export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * A mock of SignalWire's Voice Logs API (`GET /api/voice/logs`, `/logs/{id}` and
 * `/logs/{id}/events`) and its controls.
 *
 * @example
 * ```ts
 * const server = createMockServer({ logs: 120 });
 * const response = await server.fetch(
 *   new Request("http://mock.test/api/voice/logs?page_size=100", {
 *     headers: { authorization: `Basic ${btoa("test-project:test-token")}` },
 *   }),
 * );
 * ```
 */
export interface MockServer {
  /** The fetch handler; pass it as a client's `fetch`. Links use the origin of the request URL. */
  fetch(input: Request | string | URL, init?: RequestInit): Promise<Response>;
  /** Every request so far, in arrival order. */
  readonly requests: readonly RecordedRequest[];
  clearRequests(): void;
  /** Adds `count` live logs, newer than all others: they appear at the head of the first page. */
  insertLogs(count: number): void;
  addFault(rule: FaultRule): void;
  clearFaults(): void;
}
