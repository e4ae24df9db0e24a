import { type RunningMockServer, startMockServer } from "@signalwire-voice/mock-server";
import { sendJson, startTestServer, type TestServer } from "@signalwire-voice/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withDates } from "../src/dates/index.js";
import { UnexpectedResponseError, unwrap, VoiceError } from "../src/index.js";
import { CREDENTIALS, TOKEN, testClient } from "./helpers/client.js";

// Over real HTTP on 127.0.0.1: the mock server (every log kind, deleted logs, events) and a
// server that sends what the spec does not allow.
let mock: RunningMockServer;
let bad: TestServer;
let badBody: unknown;
beforeAll(async () => {
  mock = await startMockServer({ logs: 300 });
  bad = await startTestServer((_, response) => sendJson(response, badBody));
});
afterAll(async () => {
  await mock.close();
  await bad.close();
});
const plain = () => testClient({ baseUrl: `${mock.url}/api/voice`, maxRetries: 0 });

describe("withDates", () => {
  it("hands over every log's created_at and discarded_at as the Date the wire string names", async () => {
    const query = { page_size: 1000, include_deleted: true } as const;
    const wire = unwrap(await plain().GET("/logs", { params: { query } }));
    const dated = unwrap(await withDates(plain()).GET("/logs", { params: { query } }));
    expect(dated.data.length).toBeGreaterThan(300);
    const discarded = dated.data.filter((log) => "discarded_at" in log);
    expect(discarded.length).toBeGreaterThan(0);
    dated.data.forEach((log, i) => {
      const before = wire.data[i] as { created_at: string; discarded_at?: string };
      expect(log.created_at).toBeInstanceOf(Date);
      expect(log.created_at.getTime()).toBe(Date.parse(before.created_at));
      if ("discarded_at" in log)
        expect(log.discarded_at.getTime()).toBe(Date.parse(`${before.discarded_at}`));
      // Everything else is as the server sent it.
      expect({ ...log, created_at: before.created_at, discarded_at: before.discarded_at }).toEqual({
        discarded_at: undefined,
        ...before,
      });
    });
    expect(dated.links).toEqual(wire.links);
  });

  it("revives one log by id and its events' event_at; the wrapped client keeps the strings", async () => {
    const client = plain();
    const dated = withDates(client);
    const [first] = unwrap(await client.GET("/logs", { params: { query: { page_size: 1 } } })).data;
    const id = first?.id as string;
    const log = unwrap(await dated.GET("/logs/{id}", { params: { path: { id } } }));
    expect(log.created_at).toEqual(new Date(first?.created_at as string));
    const events = unwrap(await dated.request("get", "/logs/{id}/events", { params: { path: { id } } }));
    expect(events.data.length).toBeGreaterThan(0);
    for (const event of events.data) expect(event.event_at).toBeInstanceOf(Date);
    const again = unwrap(await client.GET("/logs/{id}", { params: { path: { id } } }));
    expect(typeof again.created_at).toBe("string");
  });

  it("shares the wrapped client's middleware", async () => {
    const client = plain();
    const seen: string[] = [];
    client.use({ onRequest: ({ request }) => void seen.push(new URL(request.url).pathname) });
    await withDates(client).GET("/logs", { params: { query: { page_size: 1 } } });
    expect(seen).toEqual(["/api/voice/logs"]);
  });

  it("leaves error bodies alone", async () => {
    const id = "00000000-0000-4000-8000-000000000000";
    const { error, response } = await withDates(plain()).GET("/logs/{id}", { params: { path: { id } } });
    expect([response.status, error]).toEqual([404, expect.objectContaining({ error: "Not Found" })]);
  });

  const log = (created_at: unknown) => ({ id: "b7182dc2-00f3-40e4-a5ce-20f164b329df", created_at });
  it.each([
    ["not a date", "yesterday"],
    ["a date without a time", "2026-01-02"],
    ["no time zone", "2026-01-02T03:04:05"],
    ["a day that does not exist", "2026-02-31T03:04:05Z"],
    ["an hour past 23", "2026-01-02T24:04:05Z"],
  ])(
    "fails with UnexpectedResponseError naming the field for %s, and never echoes the token",
    async (_, text) => {
      badBody = {
        links: { self: "", first: "" },
        data: [log("2026-01-02T03:04:05.123+02:00"), log(`${text} ${TOKEN}`)],
      };
      const client = withDates(testClient({ baseUrl: `${bad.url}/api/voice`, maxRetries: 0 }));
      const error = await client.GET("/logs").then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(UnexpectedResponseError);
      expect(error).toBeInstanceOf(VoiceError);
      const { problem, status, message } = error as UnexpectedResponseError;
      expect(status).toBe(200);
      expect(problem).toContain("/data/1/created_at is ");
      expect(problem).toContain("expected an RFC 3339 date-time");
      expect(JSON.stringify(error) + message).not.toMatch(new RegExp(`${TOKEN}|${CREDENTIALS}`));
    },
  );

  it("takes offsets and fractions as RFC 3339 spells them, and leaves a null where a date could be", async () => {
    badBody = {
      links: { self: "", first: "" },
      data: [log("2026-01-02t03:04:05.5-01:30"), log(null), { id: "x" }],
    };
    const client = withDates(testClient({ baseUrl: `${bad.url}/api/voice`, maxRetries: 0 }));
    const { data } = unwrap(await client.GET("/logs"));
    expect(data[0]?.created_at).toEqual(new Date("2026-01-02T04:34:05.500Z"));
    expect(data[1]?.created_at).toBeNull();
    expect(data[2]).toEqual({ id: "x" });
  });
});
