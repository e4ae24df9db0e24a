import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Doc, readYaml, specDir, upstream } from "./helpers.js";

const bundlePath = join(specDir, "dist/voice.sdk.yaml");
if (!existsSync(bundlePath))
  throw new Error("spec/dist/voice.sdk.yaml is missing: run `pnpm spec:bundle` first.");
const sdk = readYaml(bundlePath);
const base = upstream();
const param = (doc: Doc, name: string) => doc.paths["/logs"].get.parameters.find((p: Doc) => p.name === name);

describe("spec/dist/voice.sdk.yaml: upstream + spec/overlays/sdk.yaml", () => {
  it("serves from a real {space} server variable", () => {
    expect(sdk.servers).toHaveLength(1);
    expect(sdk.servers[0].url).toBe("https://{space}.signalwire.com/api/voice");
    expect(sdk.servers[0].variables.space.default).toBe("example");
  });

  it("requires Basic auth globally instead of an Authorization header parameter", () => {
    expect(sdk.security).toEqual([{ SignalWireBasicAuth: [] }]);
    expect(sdk.components.securitySchemes.SignalWireBasicAuth).toMatchObject({
      type: "http",
      scheme: "basic",
    });
    expect(param(sdk, "Authorization")).toBeUndefined();
  });

  it("bounds page_size to 1..1000 and page_number to >= 0", () => {
    expect(param(sdk, "page_size").schema).toEqual({
      type: "integer",
      default: 50,
      minimum: 1,
      maximum: 1000,
    });
    expect(param(sdk, "page_number").schema).toEqual({ type: "integer", default: 0, minimum: 0 });
  });

  it("types 'Always null' urls as null", () => {
    for (const name of ["VideoRoomVoiceLog", "DialogflowVoiceLog", "FabricVoiceLog"]) {
      expect(sdk.components.schemas[name].properties.url).toEqual({
        description: "Always null for this call type.",
        type: "null",
      });
    }
  });

  it("changes nothing else: same paths, schemas, properties, required lists and enums", () => {
    const shape = (doc: Doc) =>
      Object.fromEntries(
        Object.entries(doc.components.schemas as Record<string, Doc>).map(([name, schema]) => [
          name,
          { properties: Object.keys(schema.properties ?? {}), required: schema.required, enum: schema.enum },
        ]),
      );
    expect(shape(sdk)).toEqual(shape(base));
    expect(Object.keys(sdk.paths)).toEqual(Object.keys(base.paths));
    expect(sdk.paths["/logs"].get.responses).toEqual(base.paths["/logs"].get.responses);
    const names = (doc: Doc) => doc.paths["/logs"].get.parameters.map((p: Doc) => p.name);
    expect(names(sdk)).toEqual(names(base).filter((name: string) => name !== "Authorization"));
  });
});
