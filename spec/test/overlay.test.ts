import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Doc, readYaml, specDir, upstream } from "./helpers.js";

const bundlePath = join(specDir, "dist/voice.sdk.yaml");
if (!existsSync(bundlePath))
  throw new Error("spec/dist/voice.sdk.yaml is missing: run `pnpm spec:bundle` first.");
const sdk = readYaml(bundlePath);
const base = upstream();
const operations = (doc: Doc) =>
  Object.entries(doc.paths as Doc).flatMap(([path, item]) =>
    Object.entries(item as Doc).map(([method, operation]) => ({ path, method, operation: operation as Doc })),
  );
/** A parameter of an operation, through its `$ref` when it has one (the bundle keeps them). */
const param = (doc: Doc, path: string, name: string) =>
  (doc.paths[path].get.parameters as Doc[])
    .map((p) => (p.$ref ? doc.components.parameters[p.$ref.split("/").pop()] : p))
    .find((p: Doc) => p.name === name);

describe("spec/dist/voice.sdk.yaml: upstream + spec/overlays/sdk.yaml", () => {
  it("serves from a real {space} server variable", () => {
    expect(sdk.servers).toEqual([
      {
        url: "https://{space}.signalwire.com/api/voice",
        description: "Your SignalWire Space.",
        variables: { space: { default: "example", description: expect.stringContaining("Space") } },
      },
    ]);
  });

  it("requires Basic auth on every operation, with no Authorization header parameter", () => {
    expect(sdk.security).toEqual([{ SignalWireBasicAuth: [] }]);
    expect(sdk.components.securitySchemes.SignalWireBasicAuth).toMatchObject({ type: "http" });
    expect(sdk.components.securitySchemes.SignalWireBasicAuth.scheme.toLowerCase()).toBe("basic");
    for (const { path, operation } of operations(sdk)) {
      expect(operation.security, path).toBeUndefined();
      for (const name of ["Authorization", "authorization"]) expect(param(sdk, path, name)).toBeUndefined();
    }
  });

  it("bounds page_size to 1..1000 and page_number to >= 0", () => {
    expect(param(sdk, "/logs", "page_size").schema).toMatchObject({
      type: "integer",
      minimum: 1,
      maximum: 1000,
    });
    expect(param(sdk, "/logs", "page_number").schema).toMatchObject({ type: "integer", minimum: 0 });
  });

  it("types the 'Always null' urls as null", () => {
    for (const name of ["VideoRoomVoiceLog", "DialogflowVoiceLog", "FabricVoiceLog"]) {
      expect(sdk.components.schemas[name].properties.url.type).toBe("null");
    }
  });

  it("lets an event's details hold any property", () => {
    expect(sdk.components.schemas.LogEvent.properties.details).toMatchObject({
      type: "object",
      additionalProperties: true,
    });
  });

  it("serves a 422 example that the 422 schema accepts", () => {
    const schema = sdk.components.schemas.VoiceLogsListStatusCode422;
    for (const example of schema.examples) {
      expect(Object.keys(example).filter((key) => !(key in schema.properties))).toEqual([]);
    }
  });

  it("changes nothing else: same operations, schemas, properties, required lists and enums", () => {
    const shape = (doc: Doc) =>
      Object.fromEntries(
        Object.entries(doc.components.schemas as Record<string, Doc>).map(([name, schema]) => [
          name,
          { properties: Object.keys(schema.properties ?? {}), required: schema.required, enum: schema.enum },
        ]),
      );
    expect(shape(sdk)).toEqual(shape(base));
    const summary = (doc: Doc) =>
      operations(doc).map(({ path, method, operation }) => [
        path,
        method,
        operation.operationId,
        operation.parameters,
        operation.responses,
      ]);
    expect(summary(sdk)).toEqual(summary(base));
    expect(sdk.components.parameters).toEqual(base.components.parameters);
  });
});
