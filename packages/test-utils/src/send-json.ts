import type { ServerResponse } from "node:http";

/**
 * Answers with `body` as JSON (`content-type: application/json`) and ends the response.
 *
 * @example
 * ```ts
 * const server = await startTestServer((_, response) => sendJson(response, { error: "Not Found" }, 404));
 * ```
 */
export function sendJson(response: ServerResponse, body: unknown, status = 200): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}
