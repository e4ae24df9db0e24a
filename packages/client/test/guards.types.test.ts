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
