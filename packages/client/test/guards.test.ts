import { createMockServer } from "@signalwire-voice/mock-server";
import { describe, expect, it } from "vitest";
import {
  isDialogflowLog,
  isDiscardedLog,
  isFabricLog,
  isRelayLog,
  isVideoRoomLog,
  unwrap,
  type VoiceLog,
} from "../src/index.js";
import { testClient } from "./helpers/client.js";

const GUARDS = { isDiscardedLog, isRelayLog, isVideoRoomLog, isDialogflowLog, isFabricLog };
const base = { id: "00000000-0000-4000-8000-000000000000", created_at: "2026-01-01T00:00:00Z" };
const live = {
  ...base,
  from: "+15550000001",
  to: "+15550000002",
  source: "realtime_api",
  charge: 0,
  charge_details: [],
  url: null,
  direction: "inbound",
  status: "completed",
  duration: 1,
};

describe("VoiceLog guards: each log matches exactly one", () => {
  it.each([
    // type (or none) → the guard that says true
    [undefined, "isDiscardedLog"],
    ["laml_call", "isRelayLog"],
    ["relay_pstn_call", "isRelayLog"],
    ["relay_sip_call", "isRelayLog"],
    ["relay_webrtc_call", "isRelayLog"],
    ["video_room_pstn_leg", "isVideoRoomLog"],
    ["video_room_sip_leg", "isVideoRoomLog"],
    ["dialogflow_call", "isDialogflowLog"],
    ["fabric_subscriber_device_leg", "isFabricLog"],
  ])("type %j → %s", (type, want) => {
    const log = (
      type === undefined ? { ...base, discarded_at: "2026-01-02T00:00:00Z" } : { ...live, type }
    ) as VoiceLog;
    for (const [name, guard] of Object.entries(GUARDS)) expect(guard(log), name).toBe(name === want);
  });

  it.each([
    // types that are not the API's, or near misses → no family
    ["relay_pstn_call_v2"],
    ["xlaml_call"],
    ["video_room_leg"],
    ["fabric"],
    [""],
  ])("type %j belongs to no family", (type) => {
    const log = { ...live, type } as unknown as VoiceLog;
    for (const [name, guard] of Object.entries(GUARDS)) expect(guard(log), name).toBe(false);
  });

  it("sorts every log the mock server serves, discarded ones included", async () => {
    const server = createMockServer({ logs: 400 });
    const client = testClient({ fetch: server.fetch });
    const page = unwrap(
      await client.GET("/logs", { params: { query: { page_size: 1000, include_deleted: true } } }),
    );
    const counts = Object.fromEntries(Object.keys(GUARDS).map((name) => [name, 0]));
    for (const log of page.data) {
      const matching = Object.entries(GUARDS).filter(([, guard]) => guard(log));
      expect(matching, JSON.stringify(log)).toHaveLength(1);
      const name = matching[0]?.[0] as string;
      counts[name] = (counts[name] ?? 0) + 1;
    }
    for (const name of Object.keys(GUARDS)) expect(counts[name], name).toBeGreaterThan(0);
  });
});
