import { describe, expect, it } from "vitest";
import { startMockServer } from "../src/index.js";
import { AUTH, getJson } from "./helpers.js";
import { type RawExchange, rawExchange } from "./raw-http.js";
import { requestMutator, seededRandom } from "./request-mutations.js";
import { type Operation, operationOf, violations } from "./response-violations.js";

const REQUESTS = 3000;
const CONCURRENCY = 32;
const SEED = 20_260_101;

/** The statuses the server may answer a hostile request with; anything else is a finding. */
const EXPECTED_STATUSES = new Set([200, 400, 401, 404, 405, 408, 413, 422, 431]);

/**
 * What is wrong with one exchange; empty when every response is one the server means to send.
 * Bodies are judged by the client's generated validators for the operation the request's target names.
 */
function findings({ responses, ending }: RawExchange, head: boolean, operation: Operation): string[] {
  const found: string[] = [];
  if (ending === "timed-out") found.push("the server neither answered nor closed the connection");
  for (const { status, headers, body, complete } of responses) {
    if (!EXPECTED_STATUSES.has(status)) found.push(`status ${status}`);
    if (!complete) found.push(`${status} with a body cut short`);
    if (head) continue;
    if (body === "") {
      found.push(`${status} with an empty body`);
      continue;
    }
    if (headers["content-type"] !== "application/json; charset=utf-8") {
      found.push(`${status} with content-type ${headers["content-type"]}`);
    }
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      found.push(`${status} with a body that is not JSON: ${body.slice(0, 80)}`);
      continue;
    }
    for (const violation of violations(status, json, operation)) found.push(`${status} body: ${violation}`);
  }
  return found;
}

/** The operation a raw request's target names; GET /logs's schemas for anything else. */
function targetOperation(bytes: Buffer): Operation {
  const target = bytes.toString("latin1").split(/\r?\n/, 1)[0]?.split(" ")[1] ?? "";
  try {
    return operationOf(target) ?? "GET /logs";
  } catch {
    return "GET /logs";
  }
}

describe("fuzz: thousands of mutated raw requests", () => {
  it(`${REQUESTS} seeded requests: every answer is spec-shaped JSON below 500, and the server lives on`, async () => {
    // Short timeouts, so an unfinished request is answered 408 within a second.
    const server = await startMockServer({
      logs: 100,
      headersTimeout: 500,
      requestTimeout: 1000,
      keepAliveTimeout: 500,
    });
    try {
      const { body: page } = await getJson(
        fetch,
        `${server.baseUrl}/logs?page_size=1000&include_deleted=true`,
      );
      const ids = page.data.map((log) => log.id);
      const next = requestMutator(seededRandom(SEED), new URL(server.url).host, AUTH.authorization, ids);
      const requests = Array.from({ length: REQUESTS }, () => next());
      const problems: string[] = [];
      const statuses = new Map<number, number>();
      const answered = new Map<Operation, number>();
      let cursor = 0;
      const worker = async () => {
        for (let index = cursor++; index < requests.length; index = cursor++) {
          const { bytes, head } = requests[index] as (typeof requests)[number];
          // A request with no end of headers is half-closed at once, so the server sees it end.
          const exchange = await rawExchange(server.url, bytes, {
            halfClose: !bytes.includes("\r\n\r\n"),
            untilAnswered: true,
            head,
          });
          for (const { status } of exchange.responses) statuses.set(status, (statuses.get(status) ?? 0) + 1);
          const operation = targetOperation(bytes);
          if (exchange.responses[0]?.status === 200)
            answered.set(operation, (answered.get(operation) ?? 0) + 1);
          for (const finding of findings(exchange, head, targetOperation(bytes))) {
            problems.push(
              `request ${index} ${JSON.stringify(bytes.toString("latin1").slice(0, 200))}: ${finding}`,
            );
          }
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));

      expect(problems.slice(0, 20)).toEqual([]);
      // The mutations reached every layer: the parser (400, 431), routing, method, auth, query and pages.
      for (const status of [200, 400, 401, 404, 405, 422, 431])
        expect(statuses.get(status)).toBeGreaterThan(0);
      // …on each of the three operations.
      expect([...answered.keys()].sort()).toEqual(["GET /logs", "GET /logs/{id}", "GET /logs/{id}/events"]);

      const { status, body } = await getJson(fetch, `${server.baseUrl}/logs`);
      expect([status, violations(200, body), body.data.length]).toEqual([200, [], 50]);
    } finally {
      await server.close();
    }
  }, 120_000);
});
