import { once } from "node:events";
import { connect, type Socket } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { startMockServer } from "../src/index.js";
import { AUTH, getJson } from "./helpers.js";
import { parseResponses } from "./raw-http.js";

/** A socket that sent `text` and then nothing, and what it received until the server closed it. */
interface Stalled {
  kind: string;
  socket: Socket;
  received: Buffer[];
  closed: boolean;
}

async function stall(origin: string, kind: string, text: string): Promise<Stalled> {
  const { hostname, port } = new URL(origin);
  const socket = connect(Number(port), hostname);
  await once(socket, "connect");
  const stalled: Stalled = { kind, socket, received: [], closed: false };
  socket.on("data", (chunk: Buffer) => stalled.received.push(chunk));
  socket.on("error", () => undefined);
  socket.on("close", () => {
    stalled.closed = true;
  });
  if (text) socket.write(text);
  return stalled;
}

describe("stalled connections", () => {
  it("are closed by the server: silent, half-sent headers, a missing body, an idle keep-alive", async () => {
    const server = await startMockServer({
      logs: 3,
      headersTimeout: 200,
      requestTimeout: 400,
      keepAliveTimeout: 200,
    });
    const host = new URL(server.url).host;
    const kinds: Record<string, string> = {
      silent: "",
      "half-sent headers": `GET /api/voice/logs HTTP/1.1\r\nHost: ${host}\r\nAuthor`,
      "a missing body": `POST /api/voice/logs HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 100\r\n\r\n{"a"`,
      "an idle keep-alive": `GET /api/voice/logs HTTP/1.1\r\nHost: ${host}\r\nAuthorization: ${AUTH.authorization}\r\n\r\n`,
    };
    const sockets: Stalled[] = [];
    try {
      for (let round = 0; round < 25; round++) {
        for (const [kind, text] of Object.entries(kinds)) sockets.push(await stall(server.url, kind, text));
      }
      // Generous for a busy machine: the timeouts are 200-400 ms.
      for (let waited = 0; waited < 25_000 && sockets.some((s) => !s.closed); waited += 50) await sleep(50);
      expect(sockets.filter((s) => !s.closed).map((s) => s.kind)).toEqual([]);

      const answers = (kind: string) =>
        sockets
          .filter((s) => s.kind === kind)
          .map((s) => parseResponses(Buffer.concat(s.received), { head: false, closed: true }))
          .map((responses) => responses.map(({ status, body }) => `${status} ${body}`).join(", "));
      const timedOut = '408 {"error":"Request Timeout"}';
      expect(new Set(answers("silent"))).toEqual(new Set([timedOut]));
      expect(new Set(answers("half-sent headers"))).toEqual(new Set([timedOut]));
      // A request whose headers arrived is answered first (405 for the POST, 200 for the GET), then
      // timed out; on a machine too busy to read the headers before the timeout, only timed out.
      // Either way the socket is closed, and most sockets see the first form.
      const refused = `405 {"error":"Method Not Allowed"}, ${timedOut}`;
      const missingBody = answers("a missing body");
      expect(missingBody.filter((answer) => answer !== refused && answer !== timedOut)).toEqual([]);
      expect(missingBody).toContain(refused);
      const keptAlive = answers("an idle keep-alive");
      expect(keptAlive.filter((answer) => !answer.startsWith('200 {"links"') && answer !== timedOut)).toEqual(
        [],
      );
      expect(keptAlive.some((answer) => answer.startsWith('200 {"links"'))).toBe(true);
      // And the server still serves.
      expect((await getJson(fetch, `${server.baseUrl}/logs`)).status).toBe(200);
    } finally {
      for (const { socket } of sockets) socket.destroy();
      await server.close();
    }
  }, 60_000);

  it.each([
    [
      { headersTimeout: 0 },
      /headersTimeout must be a whole number of milliseconds from 1 to 2147483647; got 0/,
    ],
    [{ requestTimeout: 1.5 }, /requestTimeout must be a whole number of milliseconds .*; got 1\.5/],
    [{ keepAliveTimeout: -1 }, /keepAliveTimeout must be a whole number of milliseconds .*; got -1/],
    [
      { headersTimeout: 2000, requestTimeout: 1000 },
      /headersTimeout \(2000\) must not be more than requestTimeout \(1000\)/,
    ],
  ])("%j is refused with a message that says what to fix", async (options, message) => {
    await expect(startMockServer(options)).rejects.toThrow(message);
  });
});
