import { describe, expect, it } from "vitest";
import { type Doc, upstream } from "./helpers.js";

// What spec/overlays/sdk.yaml and the packages rely on in SignalWire's published document. When
// `pnpm spec:update` brings a revision that changes one of these, this test names the fact.
const doc = upstream();
const schemas = doc.components.schemas;
const parameter = (ref: Doc) => doc.components.parameters[ref.$ref.split("/").pop()];

describe("spec/voice.yaml: the key facts of SignalWire's Voice API", () => {
  it("is OpenAPI 3.1 with three GET operations", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(["/logs", "/logs/{id}", "/logs/{id}/events"]);
    expect(Object.values(doc.paths).map((item) => Object.keys(item as Doc))).toEqual([
      ["get"],
      ["get"],
      ["get"],
    ]);
    expect(Object.values(doc.paths).map((item) => (item as Doc).get.operationId)).toEqual([
      "list_voice_logs",
      "get_voice_log",
      "list_voice_log_events",
    ]);
  });

  it("names its Space with a placeholder server variable (the overlay replaces the server)", () => {
    expect(doc.servers).toHaveLength(1);
    expect(doc.servers[0].url).toBe("https://{space_name}.signalwire.com/api/voice");
    expect(doc.servers[0].variables.space_name.default).toBe("{Your_Space_Name}");
  });

  it("requires Basic auth globally", () => {
    expect(doc.security).toEqual([{ SignalWireBasicAuth: [] }]);
  });

  it("has the seven query parameters of List Logs, with their types, defaults and bounds", () => {
    const query = (doc.paths["/logs"].get.parameters as Doc[]).map(parameter);
    expect(query.map((p) => [p.name, p.in, p.schema])).toEqual([
      ["include_deleted", "query", { type: "boolean", default: false }],
      ["created_before", "query", { type: "string" }],
      ["created_on", "query", { type: "string" }],
      ["created_after", "query", { type: "string" }],
      ["page_number", "query", { type: "integer", format: "int32", minimum: 0, default: 0 }],
      ["page_size", "query", { type: "integer", format: "int32", minimum: 1, maximum: 1000, default: 50 }],
      ["page_token", "query", { type: "string" }],
    ]);
  });

  it("takes a log's id as a uuid path parameter", () => {
    for (const path of ["/logs/{id}", "/logs/{id}/events"]) {
      const [id] = (doc.paths[path].get.parameters as Doc[]).map(parameter);
      expect(id).toMatchObject({ name: "id", in: "path", required: true });
      expect(schemas.uuid).toMatchObject({ type: "string", format: "uuid" });
    }
  });

  it("answers the documented status codes", () => {
    const codes = (path: string) => Object.keys(doc.paths[path].get.responses);
    expect(codes("/logs")).toEqual(["200", "400", "401", "422", "500"]);
    expect(codes("/logs/{id}")).toEqual(["200", "400", "401", "404", "422", "500"]);
    expect(codes("/logs/{id}/events")).toEqual(["200", "400", "401", "404", "422", "500"]);
  });

  it("has five VoiceLog variants, the last one without a type", () => {
    expect(schemas.VoiceLog.anyOf.map((s: Doc) => s.$ref.split("/").pop())).toEqual([
      "RelayVoiceLog",
      "VideoRoomVoiceLog",
      "DialogflowVoiceLog",
      "FabricVoiceLog",
      "DiscardedVoiceLog",
    ]);
    expect(schemas.DiscardedVoiceLog.properties.type).toBeUndefined();
  });

  it("gives events a level, a name and untyped details", () => {
    expect(schemas.LogEvent.required).toEqual([
      "event_at",
      "level",
      "name",
      "details",
      "project_id",
      "log_id",
    ]);
    expect(schemas.LogEvent.properties.level.enum).toEqual(["info", "warn", "error", "debug"]);
    expect(schemas.LogEvent.properties.details).toMatchObject({ type: "object" });
    expect(schemas.LogEvent.properties.details.properties).toBeUndefined();
    expect(schemas.LogEventsListResponse.required).toEqual(["data"]);
  });

  it("puts a field the 422 schema lacks into its example (the overlay drops it)", () => {
    expect(schemas.VoiceLogsListStatusCode422.examples[0]).toHaveProperty("statusCode");
    expect(schemas.VoiceLogsListStatusCode422.properties).not.toHaveProperty("statusCode");
  });
});
