import type { ListVoiceLogEventsResponse, LogEvent, VoiceLog } from "@signalwire-voice/types";
import { describe, expect, it } from "vitest";
import { createMockServer } from "../src/index.js";
import { getJson, listAll, logUrl } from "./helpers.js";

type Live = Exclude<VoiceLog, { discarded_at: string }>;
const eventsOf = async (server: ReturnType<typeof createMockServer>, id: string) =>
  getJson<ListVoiceLogEventsResponse>(server.fetch, logUrl(id, "/events"));

const server = createMockServer({ logs: 2000 });
const { logs } = await listAll(server.fetch);
const live = logs.filter((log): log is Live => !("discarded_at" in log));
const all = new Map<string, LogEvent[]>();
for (const log of live) all.set(log.id, (await eventsOf(server, log.id)).body.data);
const events = (log: Live) => all.get(log.id) ?? [];
const ms = (time: string) => Date.parse(time);
/** How long a log lasted once connected, when it says (duration_ms, or duration in seconds). */
const durationMs = (log: Live) =>
  "duration_ms" in log && typeof log.duration_ms === "number"
    ? log.duration_ms
    : "duration" in log && typeof log.duration === "number"
      ? log.duration * 1000
      : undefined;

describe("GET /logs/{id}/events", () => {
  it("gives every live log its events, about it: log_id, the project's uuid, oldest first", () => {
    for (const log of live) {
      const list = events(log);
      expect(list.length).toBeGreaterThan(0);
      for (const event of list) {
        expect(Object.keys(event)).toEqual(["event_at", "level", "name", "details", "project_id", "log_id"]);
        expect(event.log_id).toBe(log.id);
        expect(event.project_id).toBe("054210ac-c0cb-4b2c-80b2-2f840a89ddf4");
      }
      const times = list.map((event) => ms(event.event_at));
      expect(times.every((time, k) => k === 0 || time >= (times[k - 1] as number))).toBe(true);
    }
  });

  it("keeps within the log's lifetime: from created_at to created_at + duration when it has one", () => {
    let finished = 0;
    for (const log of live) {
      const list = events(log);
      const start = ms(log.created_at);
      const end = ms(list.at(-1)?.event_at ?? "");
      expect(ms(list[0]?.event_at ?? "")).toBe(start);
      if (log.type === "fabric_subscriber_device_leg") {
        // No duration field: the minutes it was charged for bound it.
        const minutes = Number(/(\d+) min/.exec(log.charge_details[0]?.description ?? "")?.[1]);
        expect(end - start).toBeLessThanOrEqual(minutes * 60_000);
        expect(end - start).toBeGreaterThan((minutes - 1) * 60_000);
        continue;
      }
      const lasted = durationMs(log);
      if (lasted) {
        finished++;
        expect(end).toBeLessThanOrEqual(start + lasted);
        if ("duration_ms" in log) expect(end).toBe(start + lasted); // ended exactly then
      } else {
        // Never connected (duration 0) or still open (null): the time it took to get there.
        expect(end - start).toBeLessThan(60_000);
      }
    }
    expect(finished).toBeGreaterThan(800);
  });

  it.each<[string, (log: Live) => boolean, string, string | RegExp]>([
    [
      "Relay and LaML calls",
      (log) => "parent_id" in log,
      "calling_call_",
      /^calling_call_(initiated|queued)$/,
    ],
    [
      "video room legs",
      (log) => log.type.startsWith("video_room"),
      "video_room_leg_",
      "video_room_leg_created",
    ],
    ["Dialogflow calls", (log) => log.type === "dialogflow_call", "dialogflow_", "dialogflow_call_initiated"],
    [
      "Fabric device legs",
      (log) => log.type === "fabric_subscriber_device_leg",
      "fabric_device_leg_",
      "fabric_device_leg_created",
    ],
  ])("%s: a lifecycle of their own, opened with from and to", (_name, isKind, prefix, opening) => {
    const kind = live.filter(isKind);
    expect(kind.length).toBeGreaterThan(100);
    for (const log of kind) {
      const [start] = events(log);
      expect(start?.name).toMatch(opening);
      expect(start?.details).toMatchObject({ from: log.from, to: log.to });
      for (const event of events(log))
        if (event.level !== "debug") expect(event.name.startsWith(prefix)).toBe(true);
    }
  });

  it.each([
    ["completed", "calling_call_ended", ["info"]],
    ["busy", "calling_call_ended", ["info", "warn"]],
    ["no-answer", "calling_call_ended", ["info", "warn"]],
    ["failed", "calling_call_ended", ["error", "info"]],
    ["canceled", "calling_call_ended", ["info"]],
    ["in-progress", "calling_call_answered", ["info"]],
    ["ringing", "calling_call_ringing", ["info"]],
    ["initiated", "calling_call_initiated", ["info"]],
    ["queued", "calling_call_queued", ["info"]],
  ])(
    "a call %s: its events end with %s, at levels %j (LaML's document fetch aside)",
    (status, last, levels) => {
      const calls = live.filter((log) => "parent_id" in log && log.status === status);
      expect(calls.length).toBeGreaterThan(5);
      for (const log of calls) {
        const list = events(log).filter((event) => event.name !== "laml_document_fetched");
        expect(list.at(-1)?.name).toBe(last);
        expect([...new Set(list.map((event) => event.level))].sort()).toEqual(levels);
        if (last === "calling_call_ended") expect(list.at(-1)?.details).toMatchObject({ status });
      }
    },
  );

  it("uses every level somewhere: info, warn, error, debug", () => {
    const levels = new Set([...all.values()].flat().map((event) => event.level));
    expect([...levels].sort()).toEqual(["debug", "error", "info", "warn"]);
  });

  it("names a dialed leg's parent", () => {
    const legs = live.filter((log) => "parent_id" in log && log.parent_id);
    expect(legs.length).toBeGreaterThan(50);
    for (const log of legs)
      expect(events(log)[0]?.details).toMatchObject({ parent_id: (log as { parent_id: string }).parent_id });
  });

  it("is the same for the same seed, whatever `logs` is, and different for another seed", async () => {
    const again = createMockServer({ logs: 300 });
    for (const log of live.slice(0, 200))
      expect((await eventsOf(again, log.id)).body.data).toEqual(events(log));
    const other = createMockServer({ logs: 2000, seed: "other" });
    const { logs: otherLogs } = await listAll(other.fetch);
    const otherFirst = await eventsOf(other, otherLogs[0]?.id ?? "");
    expect(otherFirst.body.data).not.toEqual(events(live[0] as Live));
  });

  it("answers a discarded log with no events: it keeps its id and times, nothing else", async () => {
    const discarded = logs.filter((log) => "discarded_at" in log);
    for (const log of discarded.slice(0, 20)) {
      expect(await eventsOf(server, log.id)).toMatchObject({ status: 200, body: { data: [] } });
    }
  });

  it("gives an inserted log events too", async () => {
    const grown = createMockServer({ logs: 5 });
    grown.insertLogs(3);
    const { logs: newest } = await listAll(grown.fetch);
    const { status, body } = await eventsOf(grown, newest[0]?.id ?? "");
    expect([status, body.data[0]?.event_at]).toEqual([200, newest[0]?.created_at]);
  });
});

describe("project_id of the events", () => {
  const firstEvent = async (projectId: string) => {
    const custom = createMockServer({ logs: 3, projectId, token: "t" });
    const headers = { authorization: `Basic ${btoa(`${projectId}:t`)}` };
    const { logs: three } = await listAll((url, init) => custom.fetch(url, { ...init, headers }));
    const response = await custom.fetch(logUrl(three[0]?.id ?? "", "/events"), { headers });
    return ((await response.json()) as ListVoiceLogEventsResponse).data[0]?.project_id;
  };

  it.each([
    ["a uuid: itself", "b7182dc2-00f3-40e4-a5ce-20f164b329df", "b7182dc2-00f3-40e4-a5ce-20f164b329df"],
    [
      "a uuid in upper case: itself, in lower case",
      "B7182DC2-00F3-40E4-A5CE-20F164B329DF",
      "b7182dc2-00f3-40e4-a5ce-20f164b329df",
    ],
    [
      "the default test-project: a fixed uuid made from it",
      "test-project",
      "054210ac-c0cb-4b2c-80b2-2f840a89ddf4",
    ],
  ])("a projectId that is %s", async (_name, projectId, want) => {
    expect(await firstEvent(projectId)).toBe(want);
  });

  it("differs between projects that are not uuids, and stays the same across runs and seeds", async () => {
    const a = await firstEvent("project-a");
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await firstEvent("project-b")).not.toBe(a);
    expect(await firstEvent("project-a")).toBe(a);
  });
});
