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
  const datedGet = async (...dates: unknown[]) => {
    badBody = { links: { self: "", first: "" }, data: dates.map(log) };
    const client = withDates(testClient({ baseUrl: `${bad.url}/api/voice`, maxRetries: 0 }));
    return client.GET("/logs");
  };
  it.each([
    ["not a date", "yesterday"],
    ["a date without a time", "2026-01-02"],
    ["no time zone", "2026-01-02T03:04:05"],
    ["a day that does not exist", "2026-02-31T03:04:05Z"],
    ["February 29 of a common year", "2023-02-29T00:00:00Z"],
    ["an hour past 23", "2026-01-02T24:00:00Z"],
    ["a second past 59 that is no leap second", "2026-01-02T10:30:60Z"],
    ["an offset past 23 hours", "2026-01-02T03:04:05+24:00"],
    ["a number", 1_767_322_800_000],
    ["an object", { at: "2026-01-02T03:04:05Z" }],
    ["a null where the spec allows none", null],
  ])(
    "fails with UnexpectedResponseError naming the field for %s, and never echoes the token",
    async (_, value) => {
      const error = await datedGet(
        "2026-01-02T03:04:05.123+02:00",
        typeof value === "string" ? `${value}${TOKEN}` : value,
      ).then(
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

  it("reads every date-time the validators accept, as the instant it names", async () => {
    const cases: [string, string][] = [
      ["2026-01-02t03:04:05.5-01:30", "2026-01-02T04:34:05.500Z"],
      ["2026-01-02 03:04:05Z", "2026-01-02T03:04:05.000Z"],
      ["2026-01-02T03:04:05.123456+0530", "2026-01-01T21:34:05.123Z"],
      ["2026-01-02T03:04:05-05", "2026-01-02T08:04:05.000Z"],
      ["2024-02-29T12:00:00Z", "2024-02-29T12:00:00.000Z"],
      ["2016-12-31T23:59:60Z", "2016-12-31T23:59:59.999Z"],
      ["2017-01-01T00:59:60+01:00", "2016-12-31T23:59:59.999Z"],
      ["0000-02-29T00:00:00Z", "0000-02-29T00:00:00.000Z"],
    ];
    const { data } = unwrap(await datedGet(...cases.map(([text]) => text)));
    expect(data.map((entry) => entry.created_at.toISOString())).toEqual(cases.map(([, iso]) => iso));
    const validate = (await import("@signalwire-voice/types/validators")).checkResponse;
    for (const [text] of cases)
      expect(validate("GET /logs/{id}", 200, { ...log(text), discarded_at: text }), text).toBeUndefined();
  });
});
