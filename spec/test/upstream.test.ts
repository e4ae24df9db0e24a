import { describe, expect, it } from "vitest";
import { upstream } from "./helpers.js";
import { provenance } from "./provenance.js";

const doc = upstream();
const operation = doc.paths["/logs"].get;
const schemas = doc.components.schemas;

describe.runIf(provenance.seedPage !== undefined)(
  "spec/voice.yaml: the key facts of SignalWire's List Logs spec",
  () => {
    it("is OpenAPI 3.1 with one GET operation", () => {
      expect(doc.openapi).toBe("3.1.0");
      expect(Object.keys(doc.paths)).toEqual(["/logs"]);
      expect(Object.keys(doc.paths["/logs"])).toEqual(["get"]);
      expect(operation.operationId).toBe("list-voice-logs");
    });

    it("keeps upstream's server URL and Authorization header parameter (fixed only by the overlay)", () => {
      expect(doc.servers).toEqual([{ url: "https://%7BYour_Space_Name%7D.signalwire.com/api/voice" }]);
      expect(doc.security).toBeUndefined();
      const auth = operation.parameters.find((p: { name: string }) => p.name === "Authorization");
      expect(auth).toMatchObject({ in: "header", required: true });
    });

    it("has the seven query parameters with their types and defaults", () => {
      const query = operation.parameters.filter((p: { in: string }) => p.in === "query");
      expect(query.map((p: { name: string; schema: unknown }) => [p.name, p.schema])).toEqual([
        ["include_deleted", { type: "boolean", default: false }],
        ["created_before", { type: "string" }],
        ["created_on", { type: "string" }],
        ["created_after", { type: "string" }],
        ["page_number", { type: "integer", default: 0 }],
        ["page_size", { type: "integer", default: 50 }],
        ["page_token", { type: "string" }],
      ]);
    });

    it("says page_size defaults to 50 with a maximum of 1000", () => {
      const pageSize = operation.parameters.find((p: { name: string }) => p.name === "page_size");
      expect(pageSize.description.replace(/\s+/g, " ")).toBe(
        "Specify the number of results to return on a single page. The default page size is `50` and the maximum is `1000`.",
      );
    });

    it("answers the five documented status codes", () => {
      expect(Object.keys(operation.responses)).toEqual(["200", "400", "401", "422", "500"]);
    });

    it("has five VoiceLog variants, the last one without a type", () => {
      expect(schemas.VoiceLog.oneOf.map((s: { $ref: string }) => s.$ref.split("/").pop())).toEqual([
        "RelayVoiceLog",
        "VideoRoomVoiceLog",
        "DialogflowVoiceLog",
        "FabricVoiceLog",
        "DiscardedVoiceLog",
      ]);
      expect(schemas.DiscardedVoiceLog.properties.type).toBeUndefined();
    });

    it("has 14 statuses, 4 directions, 3 sources and 8 live log types", () => {
      expect(schemas.VoiceLogStatus.enum).toHaveLength(14);
      expect(schemas.VoiceDirection.enum).toEqual(["inbound", "outbound", "outbound-api", "outbound-dial"]);
      expect(schemas.VoiceSources.enum).toEqual(["dialogflow", "laml", "realtime_api"]);
      const types = ["RelayVoiceType", "VideoRoomVoiceType", "DialogflowVoiceLogType", "FabricVoiceLogType"];
      expect(types.flatMap((name) => schemas[name].enum)).toHaveLength(8);
    });

    it("leaves url untyped where it says 'Always null' (the overlay types it)", () => {
      for (const name of ["VideoRoomVoiceLog", "DialogflowVoiceLog", "FabricVoiceLog"]) {
        expect(schemas[name].properties.url).toEqual({ description: "Always null for this call type." });
      }
    });
  },
);
