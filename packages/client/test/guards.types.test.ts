import type { Dated } from "@signalwire-voice/types";
import { describe, expectTypeOf, it } from "vitest";
import {
  type DialogflowVoiceLog,
  type DiscardedVoiceLog,
  type FabricVoiceLog,
  isDialogflowLog,
  isDiscardedLog,
  isFabricLog,
  isRelayLog,
  isVideoRoomLog,
  type RelayVoiceLog,
  type VideoRoomVoiceLog,
  type VoiceLog,
} from "../src/index.js";

// Run by `tsc` (the typecheck task): a guard that stopped narrowing fails the build.
const log = { id: "x", created_at: "2026-01-01T00:00:00Z", discarded_at: "2026-01-02T00:00:00Z" } as VoiceLog;

describe("VoiceLog guards narrow the union", () => {
  it("isDiscardedLog narrows to DiscardedVoiceLog, and its negation leaves a switchable `type`", () => {
    if (isDiscardedLog(log)) {
      expectTypeOf(log).toEqualTypeOf<DiscardedVoiceLog>();
      expectTypeOf(log.discarded_at).toEqualTypeOf<string>();
      // @ts-expect-error -- a discarded log has no type
      void log.type;
    } else {
      expectTypeOf(log).toEqualTypeOf<
        RelayVoiceLog | VideoRoomVoiceLog | DialogflowVoiceLog | FabricVoiceLog
      >();
      switch (log.type) {
        case "dialogflow_call":
          expectTypeOf(log).toEqualTypeOf<DialogflowVoiceLog>();
          break;
        case "fabric_subscriber_device_leg":
          expectTypeOf(log).toEqualTypeOf<FabricVoiceLog>();
          break;
      }
    }
  });

  it("without the guard, `switch (log.type)` does not even compile", () => {
    // @ts-expect-error -- `type` does not exist on DiscardedVoiceLog
    void log.type;
  });

  it("each family guard narrows to its variant", () => {
    if (isRelayLog(log)) {
      expectTypeOf(log).toEqualTypeOf<RelayVoiceLog>();
      expectTypeOf(log.billing_ms).toEqualTypeOf<number | null>();
    }
    if (isVideoRoomLog(log)) {
      expectTypeOf(log).toEqualTypeOf<VideoRoomVoiceLog>();
      expectTypeOf(log.url).toEqualTypeOf<null>();
    }
    if (isDialogflowLog(log)) {
      expectTypeOf(log).toEqualTypeOf<DialogflowVoiceLog>();
      // @ts-expect-error -- Dialogflow logs have no direction
      void log.direction;
    }
    if (isFabricLog(log)) {
      expectTypeOf(log).toEqualTypeOf<FabricVoiceLog>();
      expectTypeOf(log.status).toEqualTypeOf<FabricVoiceLog["status"]>();
    }
  });

  it("works as a filter predicate", () => {
    const logs: VoiceLog[] = [];
    expectTypeOf(logs.filter(isRelayLog)).toEqualTypeOf<RelayVoiceLog[]>();
    expectTypeOf(logs.filter(isDiscardedLog)).toEqualTypeOf<DiscardedVoiceLog[]>();
  });
});

// What a client made with `withDates()` hands over: the same union, its dates `Date`s.
const dated = {
  id: "x",
  created_at: new Date("2026-01-01T00:00:00Z"),
  discarded_at: new Date("2026-01-02T00:00:00Z"),
} as Dated.VoiceLog;

describe("VoiceLog guards narrow a Dated.VoiceLog to its Dated member", () => {
  it("isDiscardedLog narrows to Dated.DiscardedVoiceLog, its dates `Date`s; its negation leaves a switchable `type`", () => {
    if (isDiscardedLog(dated)) {
      expectTypeOf(dated).toEqualTypeOf<Dated.DiscardedVoiceLog>();
      expectTypeOf(dated.created_at).toEqualTypeOf<Date>();
      expectTypeOf(dated.discarded_at).toEqualTypeOf<Date>();
    } else {
      expectTypeOf(dated).toEqualTypeOf<
        Dated.RelayVoiceLog | Dated.VideoRoomVoiceLog | Dated.DialogflowVoiceLog | Dated.FabricVoiceLog
      >();
      expectTypeOf(dated.created_at).toEqualTypeOf<Date>();
      switch (dated.type) {
        case "relay_webrtc_call":
          expectTypeOf(dated).toEqualTypeOf<Dated.RelayVoiceLog>();
          break;
        case "video_room_sip_leg":
          expectTypeOf(dated).toEqualTypeOf<Dated.VideoRoomVoiceLog>();
          break;
      }
    }
  });

  it("each family guard narrows to its Dated variant, `created_at` a `Date`", () => {
    if (isRelayLog(dated)) {
      expectTypeOf(dated).toEqualTypeOf<Dated.RelayVoiceLog>();
      expectTypeOf(dated.created_at).toEqualTypeOf<Date>();
      expectTypeOf(dated.billing_ms).toEqualTypeOf<number | null>();
    }
    if (isVideoRoomLog(dated)) {
      expectTypeOf(dated).toEqualTypeOf<Dated.VideoRoomVoiceLog>();
      expectTypeOf(dated.created_at).toEqualTypeOf<Date>();
    }
    if (isDialogflowLog(dated)) {
      expectTypeOf(dated).toEqualTypeOf<Dated.DialogflowVoiceLog>();
      expectTypeOf(dated.created_at).toEqualTypeOf<Date>();
      // @ts-expect-error -- Dialogflow logs have no direction
      void dated.direction;
    }
    if (isFabricLog(dated)) {
      expectTypeOf(dated).toEqualTypeOf<Dated.FabricVoiceLog>();
      expectTypeOf(dated.created_at).toEqualTypeOf<Date>();
    }
  });

  it("works as a filter predicate", () => {
    const logs: Dated.VoiceLog[] = [];
    expectTypeOf(logs.filter(isRelayLog)).toEqualTypeOf<Dated.RelayVoiceLog[]>();
    expectTypeOf(logs.filter(isVideoRoomLog)).toEqualTypeOf<Dated.VideoRoomVoiceLog[]>();
    expectTypeOf(logs.filter(isDialogflowLog)).toEqualTypeOf<Dated.DialogflowVoiceLog[]>();
    expectTypeOf(logs.filter(isFabricLog)).toEqualTypeOf<Dated.FabricVoiceLog[]>();
    expectTypeOf(logs.filter(isDiscardedLog)).toEqualTypeOf<Dated.DiscardedVoiceLog[]>();
  });
});

describe("VoiceLog guards narrow whatever union they are given", () => {
  it("wire logs stay wire logs: every family guard, and every filter", () => {
    const logs: VoiceLog[] = [];
    expectTypeOf(logs.filter(isVideoRoomLog)).toEqualTypeOf<VideoRoomVoiceLog[]>();
    expectTypeOf(logs.filter(isDialogflowLog)).toEqualTypeOf<DialogflowVoiceLog[]>();
    expectTypeOf(logs.filter(isFabricLog)).toEqualTypeOf<FabricVoiceLog[]>();
    if (isRelayLog(log)) expectTypeOf(log.created_at).toEqualTypeOf<string>();
  });

  it("a part of the union narrows to the members it has", () => {
    const some = log as RelayVoiceLog | DiscardedVoiceLog;
    if (isDiscardedLog(some)) expectTypeOf(some).toEqualTypeOf<DiscardedVoiceLog>();
    else expectTypeOf(some).toEqualTypeOf<RelayVoiceLog>();
    if (isVideoRoomLog(some)) expectTypeOf(some).toBeNever();
  });

  it("a list of both keeps each member's dates", () => {
    const logs: (VoiceLog | Dated.VoiceLog)[] = [];
    expectTypeOf(logs.filter(isRelayLog)).toEqualTypeOf<(RelayVoiceLog | Dated.RelayVoiceLog)[]>();
  });

  it("takes nothing but a log", () => {
    // @ts-expect-error -- an object with a log's `type` is not a log
    isRelayLog({ type: "laml_call" });
  });
});
