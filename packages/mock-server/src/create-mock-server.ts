import type { FaultRule } from "./fault-rule.js";
import { createDataset, MAX_LOGS } from "./internal/dataset.js";
import { FaultBook } from "./internal/faults.js";
import { toResponse } from "./internal/fetch-response.js";
import { handle } from "./internal/handler.js";
import type { Reply } from "./internal/reply.js";

/** Defaults of {@link MockServerOptions}, also the CLI's. */
export const MOCK_SERVER_DEFAULTS = {
  logs: 1000,
  seed: 1,
  projectId: "test-project",
  token: "test-token",
} as const;

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
 * A mock of `GET /api/voice/logs` and its controls.
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

/** The server plus the reply-level handler the node adapter needs (not public). */
export interface MockServerCore {
  server: MockServer;
  reply(request: Request): Promise<Reply>;
}

export function createMockServerCore(options: MockServerOptions = {}): MockServerCore {
  const { logs, seed, projectId, token } = { ...MOCK_SERVER_DEFAULTS, ...definedOnly(options) };
  checkCount("logs", logs, MAX_LOGS);
  const dataset = createDataset({ logs, seed, projectId });
  const faults = new FaultBook(seed, options.faults);
  const state = { dataset, faults, projectId, token };
  const record = options.recordRequests ?? true;
  let requests: RecordedRequest[] = [];

  const reply = (request: Request) => {
    if (record) {
      const headers = Object.fromEntries(request.headers);
      requests.push(
        Object.freeze({ method: request.method, url: request.url, headers: Object.freeze(headers) }),
      );
    }
    return handle(state, request);
  };
  const server: MockServer = {
    fetch: async (input, init) => toResponse(await reply(new Request(input, init))),
    get requests() {
      return requests.slice();
    },
    clearRequests: () => {
      requests = [];
    },
    insertLogs: (count) => {
      checkCount("insertLogs(count)", count, MAX_LOGS - dataset.inserted);
      dataset.insert(count);
    },
    addFault: (rule) => faults.add(rule),
    clearFaults: () => faults.clear(),
  };
  return { server, reply };
}

/**
 * A mock SignalWire Voice Logs server as a fetch handler: call it in process, or serve it with
 * {@link startMockServer}. Deterministic: the same options give the same logs and links.
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
 * ```
 */
export function createMockServer(options: MockServerOptions = {}): MockServer {
  return createMockServerCore(options).server;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function checkCount(name: string, value: unknown, max: number): void {
  if (!Number.isSafeInteger(value) || (value as number) < 0 || (value as number) > max) {
    throw new RangeError(`${name} must be a whole number from 0 to ${max}; got ${JSON.stringify(value)}.`);
  }
}
