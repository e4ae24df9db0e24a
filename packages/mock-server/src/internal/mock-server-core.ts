import { MOCK_SERVER_DEFAULTS } from "../defaults.js";
import type { MockServer, MockServerOptions, RecordedRequest } from "../mock-server.js";
import { createDataset, MAX_LOGS } from "./create-dataset.js";
import { FaultBook } from "./faults.js";
import { toResponse } from "./fetch-response.js";
import { type HandlerRequest, handle } from "./handler.js";
import type { Reply } from "./reply.js";

/** The public server plus the reply-level handler that the node adapter serves. */
export interface MockServerCore {
  server: MockServer;
  reply(request: HandlerRequest): Promise<Reply>;
}

/** Checks the options, then builds the dataset, fault book, request log and handler of one server. */
export function createMockServerCore(options: MockServerOptions = {}): MockServerCore {
  const { logs, seed, projectId, token } = { ...MOCK_SERVER_DEFAULTS, ...definedOnly(options) };
  checkCount("logs", logs, MAX_LOGS);
  for (const [name, value] of [
    ["projectId", projectId],
    ["token", token],
  ] as const) {
    if (typeof value !== "string")
      throw new TypeError(`${name} must be a string; got ${JSON.stringify(value)}.`);
  }
  if (typeof seed !== "string" && typeof seed !== "number") {
    throw new TypeError(`seed must be a string or a number; got ${JSON.stringify(seed)}.`);
  }
  const dataset = createDataset({ logs, seed, projectId });
  const faults = new FaultBook(seed, options.faults);
  const state = { dataset, faults, projectId, token };
  const record = options.recordRequests ?? true;
  let requests: RecordedRequest[] = [];

  const reply = (request: HandlerRequest) => {
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

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function checkCount(name: string, value: unknown, max: number): void {
  if (!Number.isSafeInteger(value) || (value as number) < 0 || (value as number) > max) {
    throw new RangeError(`${name} must be a whole number from 0 to ${max}; got ${JSON.stringify(value)}.`);
  }
}
