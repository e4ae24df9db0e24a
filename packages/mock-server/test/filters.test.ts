import type { VoiceLog } from "@signalwire-voice/types";
import { beforeAll, describe, expect, it } from "vitest";
import { createMockServer } from "../src/index.js";
import { getJson, ids, logsUrl, walk } from "./helpers.js";

// 6000 logs, about 30 s apart: from late 2025-12-29 to 2025-12-31 (the newest log is just before 2026).
const server = createMockServer({ logs: 6000 });
let all: VoiceLog[];
beforeAll(async () => {
  all = (await walk(server.fetch, logsUrl({ page_size: 1000, include_deleted: "true" }))).flatMap(
    (page) => page.data,
  );
});

const listed = async (params: Record<string, string>) =>
  (await walk(server.fetch, logsUrl({ page_size: 1000, include_deleted: "true", ...params }))).flatMap(
    (page) => ids(page.data),
  );
const where = (keep: (createdAt: number) => boolean) =>
  ids(all.filter((log) => keep(Date.parse(log.created_at))));
const at = (index: number) => Date.parse((all[index] as VoiceLog).created_at);
const iso = (ms: number) => new Date(ms).toISOString();

describe("date filters", () => {
  it("created_before is exclusive: a log's own created_at leaves it out", async () => {
    const bound = at(100);
    expect(await listed({ created_before: iso(bound) })).toEqual(where((t) => t < bound));
    expect((await listed({ created_before: iso(bound) }))[0]).toBe(all[101]?.id);
  });

  it("created_after is exclusive: a log's own created_at leaves it out", async () => {
    const bound = at(100);
    const got = await listed({ created_after: iso(bound) });
    expect(got).toEqual(where((t) => t > bound));
    expect(got.at(-1)).toBe(all[99]?.id);
  });

  it("a bound between two logs' seconds falls between them", async () => {
    const bound = at(100) + 500;
    expect(await listed({ created_before: iso(bound) })).toEqual(where((t) => t < bound));
    expect(await listed({ created_after: iso(bound) })).toEqual(where((t) => t > bound));
  });

  it.each([
    ["a date", "2025-12-30", Date.UTC(2025, 11, 30)],
    ["a date-time: its UTC day", "2025-12-30T23:30:00-02:00", Date.UTC(2025, 11, 31)],
    ["a date-time with millis", "2025-12-30T00:00:00.000Z", Date.UTC(2025, 11, 30)],
  ])("created_on %s (%s) is the whole UTC day", async (_name, value, dayStart) => {
    const got = await listed({ created_on: value });
    expect(got).toEqual(where((t) => t >= dayStart && t < dayStart + 86_400_000));
    expect(got.length).toBeGreaterThan(2000);
  });

  it.each([
    [
      "a date means its midnight UTC",
      { created_before: "2025-12-31" },
      (t: number) => t < Date.UTC(2025, 11, 31),
    ],
    [
      "an offset is honoured",
      { created_after: "2025-12-31T10:00:00+10:00" },
      (t: number) => t > Date.UTC(2025, 11, 31, 0),
    ],
    [
      "no offset means UTC",
      { created_after: "2025-12-31T10:00:00" },
      (t: number) => t > Date.UTC(2025, 11, 31, 10),
    ],
    [
      "filters combine as an intersection",
      { created_after: "2025-12-30T06:00:00Z", created_before: "2025-12-30T07:00:00Z" },
      (t: number) => t > Date.UTC(2025, 11, 30, 6) && t < Date.UTC(2025, 11, 30, 7),
    ],
    [
      "created_on with created_before",
      { created_on: "2025-12-30", created_before: "2025-12-30T01:00:00Z" },
      (t: number) => t >= Date.UTC(2025, 11, 30) && t < Date.UTC(2025, 11, 30, 1),
    ],
    [
      "an empty window",
      { created_after: "2025-12-30T07:00:00Z", created_before: "2025-12-30T06:00:00Z" },
      () => false,
    ],
    ["before every log", { created_before: "2020-01-01" }, () => false],
    ["after every log", { created_after: "2026-01-01" }, () => false],
  ])("%s", async (_name, params, keep) => {
    expect(await listed(params)).toEqual(where(keep));
  });

  it("pages through a filtered window with links that keep the filter", async () => {
    const params = { created_on: "2025-12-30", page_size: "500" };
    const pages = await walk(server.fetch, logsUrl(params));
    for (const page of pages)
      expect(new URL(page.links.self).searchParams.get("created_on")).toBe("2025-12-30");
    const day = where((t) => t >= Date.UTC(2025, 11, 30) && t < Date.UTC(2025, 11, 31));
    const live = new Set(ids(all.filter((log) => !("discarded_at" in log))));
    expect(pages.flatMap((page) => ids(page.data))).toEqual(day.filter((id) => live.has(id)));
  });

  it("sees logs inserted after the data was made", async () => {
    const grown = createMockServer({ logs: 10 });
    grown.insertLogs(5);
    const { body } = await getJson(grown.fetch, logsUrl({ created_after: "2026-01-01" }));
    expect(body.data).toHaveLength(5);
  });

  it("reaches the oldest of a million logs with one filtered request", async () => {
    const million = createMockServer({ logs: 1_000_000 });
    const { body } = await getJson(million.fetch, logsUrl({ created_before: "2025-01-15", page_size: 1000 }));
    expect(body.data.length).toBeGreaterThan(0);
    expect(body.data.every((log) => Date.parse(log.created_at) < Date.UTC(2025, 0, 15))).toBe(true);
    const last = await getJson(
      million.fetch,
      logsUrl({ created_before: body.data.at(-1)?.created_at ?? "" }),
    );
    expect(last.body.data.length).toBeLessThan(1000);
  });
});
