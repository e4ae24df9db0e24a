import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ID, runMain, TOKEN } from "./helpers/run-main.js";

// A server that answers every list with one page of two logs, one of them with a created_at that
// has no offset (which the spec's date-time does not allow).
let server: Server;
let baseUrl: string;
const LOGS = [
  { id: "b7182dc2-00f3-40e4-a5ce-20f164b329df", created_at: "2025-12-31T23:30:00Z", type: "relay_pstn_call" },
  {
    id: "c7182dc2-00f3-40e4-a5ce-20f164b329df",
    created_at: "2025-12-31T23:00:00.000",
    type: "relay_pstn_call",
  },
];
beforeAll(async () => {
  server = createServer((request, response) => {
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify({ links: { self: request.url }, data: LOGS }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/voice`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const EXPORT = [
  "logs",
  "export",
  "--since",
  "2025-12-31T22:00Z",
  "--until",
  "2026-01-01",
  "--concurrency",
  "1",
];
const env = () => ({
  SIGNALWIRE_BASE_URL: baseUrl,
  SIGNALWIRE_PROJECT_ID: PROJECT_ID,
  SIGNALWIRE_API_TOKEN: TOKEN,
});

describe("logs export with dates the spec does not allow", () => {
  it("keeps a log whose created_at has no offset, whatever the machine's time zone", async () => {
    const zone = process.env.TZ;
    try {
      for (const tz of ["UTC", "Asia/Tokyo", "America/New_York"]) {
        process.env.TZ = tz;
        const run = await runMain([...EXPORT, "--quiet"], env());
        expect(run.code, tz).toBe(0);
        expect(
          run.stdout
            .trimEnd()
            .split("\n")
            .map((line) => JSON.parse(line).id),
          tz,
        ).toEqual(LOGS.map((log) => log.id));
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it("sends nothing when the signal is aborted before the export starts", async () => {
    const controller = new AbortController();
    controller.abort();
    let requests = 0;
    const counting: typeof fetch = (input, init) => {
      requests += 1;
      return fetch(input, init);
    };
    const run = await runMain([...EXPORT, "--quiet"], env(), { fetch: counting, signal: controller.signal });
    expect(run.code).toBe(130);
    expect(requests).toBe(0);
  });
});
