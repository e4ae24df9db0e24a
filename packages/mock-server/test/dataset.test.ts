import type { DiscardedVoiceLog, RelayVoiceLog, VoiceLog } from "@signalwire-voice/types";
import { describe, expect, it } from "vitest";
import { createMockServer } from "../src/index.js";
import { ids, logsUrl, walk } from "./helpers.js";

const everything = async (options: Parameters<typeof createMockServer>[0], includeDeleted = true) => {
  const server = createMockServer(options);
  const params = { page_size: 1000, include_deleted: String(includeDeleted) };
  return (await walk(server.fetch, logsUrl(params))).flatMap((page) => page.data);
};
const isDiscarded = (log: VoiceLog): log is DiscardedVoiceLog => "discarded_at" in log;
type LiveLog = Exclude<VoiceLog, DiscardedVoiceLog>;

describe("the dataset", async () => {
  const logs = await everything({ logs: 2000 });
  const live = logs.filter((log): log is LiveLog => !isDiscarded(log));
  const values = <K extends string>(key: K) =>
    new Set(live.flatMap((log) => (key in log ? [(log as unknown as Record<K, unknown>)[key]] : [])));

  it("has exactly `logs` live logs, and discarded ones on top only with include_deleted", async () => {
    expect(live).toHaveLength(2000);
    expect(logs.length - live.length).toBeGreaterThan(20);
    expect(ids(await everything({ logs: 2000 }, false))).toEqual(ids(live));
  });

  it.each([
    [
      "type",
      [
        "laml_call",
        "relay_pstn_call",
        "relay_sip_call",
        "relay_webrtc_call",
        "video_room_pstn_leg",
        "video_room_sip_leg",
        "dialogflow_call",
        "fabric_subscriber_device_leg",
      ],
    ],
    [
      "status",
      [
        "queued",
        "initiated",
        "ringing",
        "in-progress",
        "busy",
        "failed",
        "no-answer",
        "canceled",
        "completed",
        "ended",
        "answered",
        "created",
        "ending",
        "joined",
        null,
      ],
    ],
    ["direction", ["inbound", "outbound", "outbound-api", "outbound-dial"]],
    ["source", ["dialogflow", "laml", "realtime_api"]],
  ])("covers every %s", (key, want) => {
    expect([...values(key)].sort()).toEqual([...want].sort());
  });

  it("comes newest first, with strictly decreasing created_at", () => {
    const times = logs.map((log) => Date.parse(log.created_at));
    expect(times.every((time, k) => k === 0 || time < (times[k - 1] as number))).toBe(true);
  });

  it("links each outbound-dial leg to the relay call just before it", () => {
    const byId = new Map(logs.map((log) => [log.id, log]));
    const children = live.filter((log): log is RelayVoiceLog => "parent_id" in log && log.parent_id !== null);
    expect(children.length).toBeGreaterThan(50);
    for (const child of children) {
      const parent = byId.get(child.parent_id ?? "");
      expect(child.direction).toBe("outbound-dial");
      expect(parent && "parent_id" in parent).toBe(true);
      expect(Date.parse(parent?.created_at ?? "")).toBeLessThan(Date.parse(child.created_at));
    }
  });

  it("charges only finished calls, and the details add up to the charge", () => {
    for (const log of live) {
      const sum = log.charge_details.reduce((total, line) => total + line.charge, 0);
      expect(log.charge).toBeCloseTo(sum, 10);
      if ("duration" in log && log.duration === null) expect(log.charge).toBe(0);
    }
  });

  it("gives LaML calls a url and every other log null", () => {
    for (const log of live) expect(log.url === null).toBe(log.type !== "laml_call");
  });

  it("discards after creating", () => {
    for (const log of logs.filter(isDiscarded)) {
      expect(Object.keys(log)).toEqual(["id", "discarded_at", "created_at"]);
      expect(Date.parse(log.discarded_at)).toBeGreaterThan(Date.parse(log.created_at));
    }
  });

  it("is the same for the same seed, whatever `logs` is, and different for another seed", async () => {
    expect(await everything({ logs: 2000 })).toEqual(logs);
    expect((await everything({ logs: 300 })).slice(0, 300)).toEqual(logs.slice(0, 300));
    expect(ids((await everything({ logs: 2000, seed: "other" })).slice(0, 50))).not.toEqual(
      ids(logs.slice(0, 50)),
    );
    expect(await everything({ logs: 50, seed: 7 })).toEqual(await everything({ logs: 50, seed: "7" }));
  });

  it("serves an empty account", async () => {
    expect(await everything({ logs: 0 })).toEqual([]);
  });

  it.each([-1, 1.5, Number.NaN, 2_000_000_000])("refuses logs: %s", (logs) => {
    expect(() => createMockServer({ logs })).toThrow(/logs must be a whole number from 0 to 1000000000/);
  });
});

describe("options", () => {
  it.each([
    [{ projectId: 1 }, /projectId must be a string; got 1/],
    [{ token: null }, /token must be a string; got null/],
    [{ seed: {} }, /seed must be a string or a number/],
  ])("refuses %j", (options, message) => {
    expect(() => createMockServer(options as never)).toThrow(message);
  });

  it("refuses a negative insert", () => {
    expect(() => createMockServer().insertLogs(-1)).toThrow(/insertLogs\(count\) must be a whole number/);
  });
});
