import type { ValidationErrorBody, VoiceLog } from "@signalwire-voice/types";
import { describe, expect, it } from "vitest";
import { createMockServer, startMockServer } from "../src/index.js";
import { AUTH, getJson, LOGS_URL, listAll, logUrl, ORIGIN } from "./helpers.js";

const server = createMockServer({ logs: 2000 });
const { logs, pagesText } = await listAll(server.fetch);
const kindOf = (log: VoiceLog) => ("discarded_at" in log ? "discarded" : log.type);
const [first, second] = logs as [VoiceLog, VoiceLog];
const byId = (id: string, suffix = "", headers = AUTH) =>
  getJson<unknown>(server.fetch, logUrl(id, suffix), headers);

describe("GET /logs/{id}: the log as listed", () => {
  it("answers every listed log (every variant, discarded ones too) with its listed JSON, byte for byte", async () => {
    expect(new Set(logs.map(kindOf)).size).toBe(9);
    const pages = pagesText.join("\n");
    for (const log of logs) {
      const response = await server.fetch(logUrl(log.id), { headers: AUTH });
      const text = await response.text();
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect(text).toBe(JSON.stringify(log));
      expect(pages.includes(text)).toBe(true);
    }
  });

  it("answers a discarded log in its discarded form, though a plain listing leaves it out", async () => {
    const discarded = logs.filter((log) => "discarded_at" in log);
    expect(discarded.length).toBeGreaterThan(40);
    for (const log of discarded.slice(0, 10)) {
      const { status, body } = await byId(log.id);
      expect([status, Object.keys(body as object)]).toEqual([200, ["id", "discarded_at", "created_at"]]);
    }
  });

  it("is the same over real HTTP", async () => {
    const running = await startMockServer({ logs: 2000 });
    try {
      for (const log of logs.slice(0, 45)) {
        const response = await fetch(logUrl(log.id, "", `${running.baseUrl}/logs`), { headers: AUTH });
        expect(await response.text()).toBe(JSON.stringify(log));
      }
    } finally {
      await running.close();
    }
  });

  it("finds a log inserted at run time, and not before it is inserted", async () => {
    const later = createMockServer({ logs: 10 });
    later.insertLogs(1);
    const { logs: withInserted } = await listAll(later.fetch);
    const inserted = withInserted[0] as VoiceLog;
    const now = createMockServer({ logs: 10 });
    expect((await getJson(now.fetch, logUrl(inserted.id))).status).toBe(404);
    now.insertLogs(1);
    expect(await getJson(now.fetch, logUrl(inserted.id))).toMatchObject({ status: 200, body: inserted });
  });

  it("ignores a query, as the operation takes none", async () => {
    expect(await byId(first.id, "?include_deleted=maybe&page_size=%ZZ")).toMatchObject({
      status: 200,
      body: first,
    });
  });

  it.each([
    ["in upper case", (id: string) => id.toUpperCase()],
    [
      "with percent-encoded digits",
      (id: string) => id.replace(/[0-9a-f]/g, (c) => `%${c.charCodeAt(0).toString(16)}`),
    ],
  ])("names the same log %s (uuids compare case-insensitively, %%61 is a)", async (_name, spell) => {
    expect(await byId(spell(first.id))).toEqual({ status: 200, headers: expect.anything(), body: first });
  });
});

describe("GET /logs/{id}: ids that name no log", () => {
  const ofSeven = createMockServer({ logs: 3000 });
  const ofSmall = createMockServer({ logs: 3 });
  it.each<[string, () => Promise<string>]>([
    [
      "a log of another seed",
      async () => (await listAll(createMockServer({ logs: 1, seed: 7 }).fetch)).logs[0]?.id ?? "",
    ],
    [
      "a position past the dataset (a log of a larger one)",
      async () => (await listAll(ofSeven.fetch)).logs[2500]?.id ?? "",
    ],
    [
      "a listed id with one digit changed",
      async () => `${first.id.slice(0, -1)}${first.id.endsWith("0") ? "1" : "0"}`,
    ],
    ["the nil uuid", async () => "00000000-0000-0000-0000-000000000000"],
    ["a random v4 uuid", async () => "b7182dc2-00f3-40e4-a5ce-20f164b329df"],
    ["the max uuid", async () => "ffffffff-ffff-ffff-ffff-ffffffffffff"],
  ])("%s → 404 Not Found, for the log and its events", async (_name, idOf) => {
    const id = await idOf();
    for (const suffix of ["", "/events"]) {
      expect(await getJson(ofSmall.fetch, logUrl(id, suffix))).toMatchObject({
        status: 404,
        body: { error: "Not Found" },
      });
    }
  });
});

describe("GET /logs/{id}: ids that are not uuids", () => {
  it.each([
    ["abc", "abc"],
    ["a uuid with a suffix", `${"b7182dc2-00f3-40e4-a5ce-20f164b329df"}x`],
    ["a uuid without its dashes", "b7182dc200f340e4a5ce20f164b329df"],
    ["a uuid in braces", "%7Bb7182dc2-00f3-40e4-a5ce-20f164b329df%7D"],
    ["an encoded slash to the events", `${"b7182dc2-00f3-40e4-a5ce-20f164b329df"}%2Fevents`],
    ["an encoded ../ before another id", `..%2F${"b7182dc2-00f3-40e4-a5ce-20f164b329df"}`],
    ["the template itself", "{id}"],
    ["a space", "%20"],
    ["a NUL", "%00"],
  ])("%s → 422 invalid_parameter on id", async (_name, rawId) => {
    for (const suffix of ["", "/events"]) {
      const { status, body } = await getJson<ValidationErrorBody>(server.fetch, logUrl(rawId, suffix));
      expect(status).toBe(422);
      expect(body.errors).toEqual([
        {
          type: "validation_error",
          code: "invalid_parameter",
          message: expect.stringMatching(/^id must be a log id: a UUID like "b7182dc2-.*"; got ".*"\.$/s),
          attribute: "id",
          url: "https://developer.signalwire.com/rest/overview/error-codes#invalid_parameter",
        },
      ]);
    }
  });

  it("an id with broken percent-encoding → 400, as a query", async () => {
    expect(await byId("%ZZ")).toMatchObject({ status: 400, body: { error: "Bad Request" } });
    expect(await byId("%E0", "/events")).toMatchObject({ status: 400, body: { error: "Bad Request" } });
  });

  it("the id's own log never answers for another: an encoded path stays one segment", async () => {
    expect((await byId(`${first.id}%2F..%2F${second.id}`)).status).toBe(422);
    expect((await byId(`${first.id}%2Fevents`)).status).toBe(422);
  });
});

describe("GET /logs/{id} and /events: routes, methods, credentials", () => {
  it.each([
    "/api/voice/logs/ID/",
    "/api/voice/logs/ID/events/",
    "/api/voice/logs/ID/events/1",
    "/api/voice/logs/ID/calls",
    "/api/voice/logs//events",
    "/api/voice/log/ID",
    "/api/voice/logsID",
  ])("%s → 404 JSON", async (path) => {
    const url = `${ORIGIN}${path.replace("ID", first.id)}`;
    expect(await getJson(server.fetch, url)).toMatchObject({ status: 404, body: { error: "Not Found" } });
  });

  it.each(["POST", "PUT", "PATCH", "DELETE"])("%s → 405 with Allow: GET, on both paths", async (method) => {
    for (const suffix of ["", "/events"]) {
      const response = await server.fetch(logUrl(first.id, suffix), { method, headers: AUTH });
      expect([response.status, response.headers.get("allow"), await response.json()]).toEqual([
        405,
        "GET",
        { error: "Method Not Allowed" },
      ]);
    }
  });

  it("asks for credentials before it says whether an id exists or is well-formed", async () => {
    for (const id of [first.id, "b7182dc2-00f3-40e4-a5ce-20f164b329df", "abc"]) {
      for (const suffix of ["", "/events"]) {
        expect(await byId(id, suffix, {} as typeof AUTH)).toMatchObject({
          status: 401,
          body: { error: "Unauthorized" },
        });
      }
    }
  });

  it("finds a log hundreds of millions of positions deep at once: the id encodes its position, no scan", async () => {
    const huge = createMockServer({ logs: 1_000_000_000 });
    const { body: head } = await getJson(huge.fetch, `${LOGS_URL}?page_size=1`);
    // A date filter reaches the deep end by binary search: the newest log created before 1100.
    const { body: deep } = await getJson(huge.fetch, `${LOGS_URL}?page_size=1&created_before=1100-01-01`);
    expect(deep.data).toHaveLength(1);
    for (const log of [...head.data, ...deep.data]) {
      expect(await getJson(huge.fetch, logUrl(log.id))).toMatchObject({ status: 200, body: log });
    }
  });
});
