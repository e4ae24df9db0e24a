import type {
  BadRequestBody,
  DiscardedVoiceLog,
  FabricVoiceLog,
  GetVoiceLogResponse,
  ListVoiceLogEventsResponse,
  ListVoiceLogsQuery,
  ListVoiceLogsResponse,
  LogEvent,
  LogEventLevel,
  NotFoundBody,
  paths,
  RelayVoiceLog,
  ValidationErrorItem,
  VideoRoomVoiceLog,
  VoiceLog,
  VoiceLogPathParams,
  VoiceLogStatus,
  VoiceLogType,
} from "@signalwire-voice/types";
import { describe, expectTypeOf, it } from "vitest";

// These run under `tsc` (the typecheck task): a wrong type fails the build, not a runtime assert.
describe("@signalwire-voice/types", () => {
  it("types the /logs query exactly as the spec (+ overlay) says", () => {
    expectTypeOf<keyof ListVoiceLogsQuery>().toEqualTypeOf<
      | "include_deleted"
      | "created_before"
      | "created_on"
      | "created_after"
      | "page_number"
      | "page_size"
      | "page_token"
    >();
    expectTypeOf<ListVoiceLogsQuery["page_size"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<ListVoiceLogsQuery["include_deleted"]>().toEqualTypeOf<boolean | undefined>();
    // @ts-expect-error -- not a parameter of List Logs
    const unknownKey: ListVoiceLogsQuery = { page_limit: 10 };
    // @ts-expect-error -- page_size is a number
    const wrongType: ListVoiceLogsQuery = { page_size: "10" };
    // The overlay removed the Authorization header parameter: no header is required.
    expectTypeOf<paths["/logs"]["get"]["parameters"]["header"]>().toEqualTypeOf<undefined>();
    void [unknownKey, wrongType];
  });

  it("makes VoiceLog the union of the five variants", () => {
    expectTypeOf<VoiceLog>().toEqualTypeOf<
      | RelayVoiceLog
      | VideoRoomVoiceLog
      | import("@signalwire-voice/types").DialogflowVoiceLog
      | FabricVoiceLog
      | DiscardedVoiceLog
    >();
    expectTypeOf<ListVoiceLogsResponse["data"]>().toEqualTypeOf<VoiceLog[]>();
    expectTypeOf<ListVoiceLogsResponse["links"]["next"]>().toEqualTypeOf<string | undefined>();
  });

  it("keeps the nullability the spec states", () => {
    expectTypeOf<RelayVoiceLog["url"]>().toEqualTypeOf<string | null>();
    expectTypeOf<VideoRoomVoiceLog["url"]>().toEqualTypeOf<null>();
    expectTypeOf<FabricVoiceLog["status"]>().toEqualTypeOf<VoiceLogStatus | null>();
    expectTypeOf<ValidationErrorItem["attribute"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<BadRequestBody>().toEqualTypeOf<{ error: "Bad Request" }>();
  });

  it("gives discarded logs no type, so switch (log.type) alone cannot narrow VoiceLog", () => {
    expectTypeOf<DiscardedVoiceLog>().not.toHaveProperty("type");
    expectTypeOf<Exclude<VoiceLog, DiscardedVoiceLog>["type"]>().toEqualTypeOf<VoiceLogType>();
  });

  it("types the log and events operations: a uuid id, one log, the events and a 404", () => {
    expectTypeOf<VoiceLogPathParams>().toEqualTypeOf<{ id: string }>();
    expectTypeOf<paths["/logs/{id}"]["get"]["parameters"]["path"]>().toEqualTypeOf<VoiceLogPathParams>();
    expectTypeOf<
      paths["/logs/{id}/events"]["get"]["parameters"]["path"]
    >().toEqualTypeOf<VoiceLogPathParams>();
    expectTypeOf<GetVoiceLogResponse>().toEqualTypeOf<VoiceLog>();
    expectTypeOf<ListVoiceLogEventsResponse>().toEqualTypeOf<{ data: LogEvent[] }>();
    expectTypeOf<LogEventLevel>().toEqualTypeOf<"info" | "warn" | "error" | "debug">();
    expectTypeOf<LogEvent["details"]>().toEqualTypeOf<{ [key: string]: unknown }>();
    expectTypeOf<NotFoundBody>().toEqualTypeOf<{ error: "Not Found" }>();
    expectTypeOf<
      paths["/logs/{id}"]["get"]["responses"][404]["content"]["application/json"]
    >().toEqualTypeOf<NotFoundBody>();
    // @ts-expect-error -- the id is required
    const noId: VoiceLogPathParams = {};
    void noId;
  });

  it("has what the changeset's migration note names in place of the removed names", () => {
    type Kind = import("@signalwire-voice/types").DialogflowVoiceLog["type"] | FabricVoiceLog["type"];
    expectTypeOf<Kind>().toEqualTypeOf<"dialogflow_call" | "fabric_subscriber_device_leg">();
    expectTypeOf<BadRequestBody["error"]>().toEqualTypeOf<"Bad Request">();
    expectTypeOf<
      import("@signalwire-voice/types").operations["list_voice_logs"]["parameters"]["query"]
    >().toEqualTypeOf<ListVoiceLogsQuery | undefined>();
  });
});
