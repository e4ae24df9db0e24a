import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { datePlans, generateValidators } from "../src/index.mjs";

// Small bundles, written next to this package (whose node_modules hold ajv and ajv-formats,
// which the generated code imports) and loaded as the client loads its generated files.
const work = mkdtempSync(join(import.meta.dirname, ".client-files-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Validate = (body: unknown) => boolean;
let made = 0;
async function validatorOf(schemas: object, body: object): Promise<Validate> {
  const doc = {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    paths: {
      "/things": { get: { responses: { 200: { content: { "application/json": { schema: body } } } } } },
    },
    components: { schemas },
  };
  const bundle = join(work, `bundle-${made}.json`);
  writeFileSync(bundle, JSON.stringify(doc));
  const module = join(work, `validators-${made++}.ts`);
  writeFileSync(module, generateValidators(bundle, "test"));
  const { VALIDATORS } = (await import(module)) as { VALIDATORS: Record<string, Record<string, Validate>> };
  return VALIDATORS["GET /things"]?.["200"] as Validate;
}

describe("generateValidators", () => {
  it("applies the keywords beside a $ref, as JSON Schema 2020-12 does", async () => {
    const validate = await validatorOf(
      { Name: { type: "string", minLength: 1 } },
      { type: "object", properties: { name: { $ref: "#/components/schemas/Name", maxLength: 3 } } },
    );
    expect([validate({ name: "abc" }), validate({ name: "abcd" }), validate({ name: "" })]).toEqual([
      true,
      false,
      false,
    ]);
  });

  it("keeps what 2020-12 added: unevaluatedProperties across a union", async () => {
    const validate = await validatorOf(
      { A: { type: "object", properties: { a: { type: "string" } } } },
      { anyOf: [{ $ref: "#/components/schemas/A" }], unevaluatedProperties: false },
    );
    expect([validate({ a: "x" }), validate({ a: "x", b: 1 })]).toEqual([true, false]);
  });

  it("checks formats and a union member's enum-bound property first without changing what passes", async () => {
    const member = (type: string) => ({
      type: "object",
      required: ["id", "type"],
      properties: { id: { type: "string", format: "uuid" }, type: { enum: [type] } },
    });
    const validate = await validatorOf({}, { anyOf: [member("a"), member("b")] });
    const id = "b7182dc2-00f3-40e4-a5ce-20f164b329df";
    expect([
      validate({ id, type: "b" }),
      validate({ id: "1", type: "b" }),
      validate({ id, type: "c" }),
    ]).toEqual([true, false, false]);
  });
});

describe("datePlans", () => {
  const doc = (schema: object) => ({
    paths: { "/x": { get: { responses: { 200: { content: { "application/json": { schema } } } } } } },
  });
  const date = { type: "string", format: "date-time" };

  it("finds dates in lists, objects and every member of a union", () => {
    const schema = {
      type: "object",
      properties: {
        items: {
          type: "array",
          items: { anyOf: [{ properties: { at: date } }, { properties: { until: date, n: {} } }] },
        },
        name: { type: "string" },
        maybe: { type: ["string", "null"], format: "date-time" },
      },
    };
    expect(datePlans(doc(schema))).toEqual({ "GET /x": { 200: { items: [{ at: 1, until: 1 }], maybe: 2 } } });
  });

  it("refuses a field that is a date in one member and a list in another, and a date under additionalProperties", () => {
    const clash = {
      anyOf: [{ properties: { at: date } }, { properties: { at: { type: "array", items: date } } }],
    };
    expect(() => datePlans(doc(clash))).toThrow(
      /a date in one member of a union is a list or an object in another/,
    );
    expect(() => datePlans(doc({ type: "object", additionalProperties: date }))).toThrow(
      /additionalProperties/,
    );
  });
});
