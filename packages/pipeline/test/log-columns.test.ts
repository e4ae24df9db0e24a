import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { bundleApi, generateLogColumns, loadApis, logColumns } from "../src/index.mjs";

const work = mkdtempSync(join(tmpdir(), "log-columns-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const [found] = loadApis("voice");
if (!found?.cli) throw new Error("the pipeline's apis.json has no voice API with a `cli` folder");
const voice = found;
const committedPath = join(found.cli, "log-columns.ts");

/** The voice spec after `edit`, bundled with its overlays as `pnpm spec:bundle` does. */
function bundleAfter(name: string, edit: (text: string) => string): string {
  const upstream = join(work, `${name}.yaml`);
  const source = readFileSync(voice.upstream, "utf8");
  const edited = edit(source);
  expect(edited).not.toBe(source);
  writeFileSync(upstream, edited);
  const bundle = bundleApi({ ...voice, upstream }, join(work, `${name}.sdk.yaml`), false);
  if (!bundle) throw new Error(`${name}: redocly could not bundle the edited spec (see above)`);
  return bundle;
}
const columnsOf = (bundle: string) => logColumns(parse(readFileSync(bundle, "utf8")));

/** Adds `yaml` (one property, 8-space indented) at the top of `schema`'s properties in the upstream spec. */
const addProperty = (schema: string, yaml: string) => (text: string) =>
  text.replace(new RegExp(`(\\n {4}${schema}:\\n(?: {6}.*\\n)*? {6}properties:\\n)`), `$1${yaml}`);

describe("the CLI's CSV columns follow the spec", () => {
  it("are the committed ones on the committed spec, and a property added to one member becomes a column", () => {
    const committed = readFileSync(committedPath, "utf8");
    const same = bundleAfter("same", (text) => `${text}\n`);
    expect(generateLogColumns(same, "voice")).toBe(committed);
    const baseline = columnsOf(same);

    const grown = columnsOf(
      bundleAfter(
        "grown",
        addProperty(
          "DialogflowVoiceLog",
          "        agent_id:\n          type: string\n        intents:\n          type: array\n          items:\n            type: string\n",
        ),
      ),
    );
    // First appearance: Dialogflow is the union's third member, before the deleted log's discarded_at.
    const at = baseline.findIndex(({ name }) => name === "discarded_at");
    expect(grown).toEqual([
      ...baseline.slice(0, at),
      { name: "agent_id", cell: "scalar" },
      { name: "intents", cell: "json" },
      ...baseline.slice(at),
    ]);
  });

  it("writes a module with its do-not-edit header and the command that made it", () => {
    const bundle = join(work, "tiny.json");
    writeFileSync(
      bundle,
      JSON.stringify({
        components: {
          schemas: {
            VoiceLog: { anyOf: [{ properties: { id: { type: "string" }, tags: { type: "array" } } }] },
          },
        },
      }),
    );
    expect(generateLogColumns(bundle, "voice")).toContain(
      [
        "export const LOG_COLUMNS = [",
        '  {"name":"id","cell":"scalar"},',
        '  {"name":"tags","cell":"json"},',
        "] as const;",
      ].join("\n"),
    );
    expect(generateLogColumns(bundle, "voice")).toMatch(
      /^\/\/ Generated file\. Do not edit.*\n\/\/ Made by `pnpm generate` \(signalwire-pipeline generate-cli --api voice\)/,
    );
  });
});

describe("logColumns", () => {
  const docOf = (union: object, schemas: object = {}) => ({
    components: { schemas: { ...schemas, VoiceLog: union } },
  });
  const member = (properties: object) => ({ type: "object", properties });
  const kinds = (properties: object, schemas: object = {}) =>
    logColumns(docOf({ anyOf: [member(properties)] }, schemas)).map(({ name, cell }) => `${name}:${cell}`);

  it("marks a property scalar only when every value its schema allows is a string, number, boolean or null", () => {
    expect(
      kinds(
        {
          text: { type: "string" },
          count: { anyOf: [{ type: "integer" }, { type: "null" }] },
          flag: { type: ["boolean", "null"] },
          status: { allOf: [{ $ref: "#/components/schemas/Status" }], description: "x" },
          only: { const: "x" },
          list: { type: "array", items: { type: "string" } },
          details: { type: "object", additionalProperties: true },
          maybeList: { anyOf: [{ type: "string" }, { type: "array" }] },
          anything: {},
          choice: { enum: ["a", { b: 1 }] },
        },
        { Status: { type: "string", enum: ["ok"] } },
      ),
    ).toEqual([
      "text:scalar",
      "count:scalar",
      "flag:scalar",
      "status:scalar",
      "only:scalar",
      "list:json",
      "details:json",
      "maybeList:json",
      "anything:json",
      "choice:json",
    ]);
  });

  it("puts id, type and created_at first, then each property where it first appears, member by member", () => {
    const union = {
      anyOf: [
        { $ref: "#/components/schemas/A" },
        { oneOf: [member({ c: { type: "string" }, created_at: { type: "string" } })] },
        { allOf: [member({ id: { type: "string" } }), member({ d: { type: "string" } })] },
      ],
    };
    const schemas = { A: member({ a: { type: "string" }, type: { type: "string" }, b: { type: "string" } }) };
    expect(logColumns(docOf(union, schemas)).map(({ name }) => name)).toEqual([
      "id",
      "type",
      "created_at",
      "a",
      "b",
      "c",
      "d",
    ]);
  });

  it("writes a property that is a scalar in one member and a list in another as JSON", () => {
    const union = { anyOf: [member({ x: { type: "string" } }), member({ x: { type: "array" } })] };
    expect(logColumns(docOf(union))).toEqual([{ name: "x", cell: "json" }]);
  });

  it("names the schema it needs when the spec has no VoiceLog", () => {
    expect(() => logColumns({ components: { schemas: {} } })).toThrow(
      /no components\.schemas\.VoiceLog: the CSV columns are its members' properties/,
    );
  });
});
