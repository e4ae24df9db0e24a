import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { judgeWithCompiler } from "../../src/internal/compiler/compiler-judge.js";
import type { JsonObject } from "../../src/internal/parsed-spec.js";
import { loadPipelineScripts } from "../../src/internal/pipeline-scripts.js";
import type { CompilerSubject } from "../../src/report.js";
import { corpusDir } from "../helpers/corpus.js";
import { applyPatch, type PatchOperation } from "../helpers/json-patch.js";

// The real generator and the real compiler on small pairs: the corpus's base.yaml, and a head
// with one change. Each case says what the compiler must answer for one operation or schema.
const work = mkdtempSync(join(tmpdir(), "spec-diff-compiler-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const base = parse(readFileSync(join(corpusDir, "base.yaml"), "utf8")) as JsonObject;

async function judge(name: string, patch: PatchOperation[], setup: PatchOperation[] = []) {
  const before = applyPatch(base, setup);
  const after = applyPatch(before, patch);
  return (await judgeWithCompiler(await loadPipelineScripts(), before, after, join(work, name))).answer;
}

const find = (subjects: CompilerSubject[], name: string) => {
  const found = subjects.find((subject) => subject.subject === name);
  if (!found)
    throw new Error(`The compiler's answer has no ${name}: ${subjects.map((s) => s.subject).join(", ")}`);
  return found;
};

const logs = "/paths/~1logs/get";
const explodeSetup: PatchOperation[] = [{ op: "add", path: `${logs}/parameters/0/style`, value: "form" }];

describe("the compiler's verdict per operation part", () => {
  it.concurrent.each<{
    name: string;
    patch: PatchOperation[];
    setup?: PatchOperation[];
    operation: string;
    target: string;
    verdict: "breaks" | "compatible";
    changed: boolean;
    diagnostic?: RegExp;
  }>([
    {
      name: "a required query parameter added",
      patch: [
        {
          op: "add",
          path: `${logs}/parameters/-`,
          value: { name: "region", in: "query", required: true, schema: { type: "string" } },
        },
      ],
      operation: "GET /logs",
      target: "query",
      verdict: "breaks",
      changed: true,
      diagnostic: /region/,
    },
    {
      name: "a required response property removed",
      patch: [
        { op: "remove", path: "/components/schemas/Log/properties/url" },
        { op: "replace", path: "/components/schemas/Log/required", value: ["id", "status", "duration"] },
      ],
      operation: "GET /logs/{id}",
      target: "200 application/json",
      verdict: "breaks",
      changed: true,
      diagnostic: /url/,
    },
    {
      name: "an enum value added to a response",
      patch: [{ op: "add", path: "/components/schemas/Call/properties/state/enum/-", value: "failed" }],
      operation: "POST /calls",
      target: "201 application/json",
      verdict: "breaks",
      changed: true,
      diagnostic: /"failed"/,
    },
    {
      name: "a request property's type narrowed",
      setup: [
        {
          op: "replace",
          path: "/components/schemas/CallRequest/properties/timeout/type",
          value: ["integer", "string"],
        },
      ],
      patch: [
        { op: "replace", path: "/components/schemas/CallRequest/properties/timeout/type", value: "integer" },
      ],
      operation: "POST /calls",
      target: "requestBody",
      verdict: "breaks",
      changed: true,
      diagnostic: /timeout/,
    },
    {
      name: "a request property removed (an object literal with it no longer compiles)",
      patch: [{ op: "remove", path: "/components/schemas/CallRequest/properties/tag" }],
      operation: "POST /calls",
      target: "requestBody",
      verdict: "breaks",
      changed: true,
      diagnostic: /at `content\.application\/json\.tag`|tag/,
    },
    {
      name: "a response property became readOnly",
      patch: [{ op: "add", path: "/components/schemas/Call/properties/answered_by/readOnly", value: true }],
      operation: "POST /calls",
      target: "201 application/json",
      verdict: "breaks",
      changed: true,
      diagnostic: /`answered_by` became readonly/,
    },
    {
      name: "explode: false on a primitive query parameter",
      setup: explodeSetup,
      patch: [{ op: "add", path: `${logs}/parameters/0/explode`, value: false }],
      operation: "GET /logs",
      target: "query",
      verdict: "compatible",
      changed: false,
    },
    {
      name: "a $ref rewritten as allOf: [$ref]",
      patch: [
        {
          op: "replace",
          path: "/components/schemas/Log/properties/parent",
          value: { allOf: [{ $ref: "#/components/schemas/LogRef" }] },
        },
      ],
      operation: "GET /logs/{id}",
      target: "200 application/json",
      verdict: "compatible",
      changed: false,
    },
    {
      name: "format: int32 added",
      patch: [{ op: "add", path: "/components/schemas/Log/properties/duration/format", value: "int32" }],
      operation: "GET /logs/{id}",
      target: "200 application/json",
      verdict: "compatible",
      changed: false,
    },
    {
      name: "descriptions changed",
      patch: [
        {
          op: "replace",
          path: "/components/schemas/Log/properties/duration/description",
          value: "Whole seconds.",
        },
        { op: "replace", path: `${logs}/parameters/0/description`, value: "Logs per page." },
      ],
      operation: "GET /logs",
      target: "query",
      verdict: "compatible",
      changed: false,
    },
    {
      name: "an optional response property added",
      patch: [{ op: "add", path: "/components/schemas/Call/properties/ended_at", value: { type: "string" } }],
      operation: "POST /calls",
      target: "201 application/json",
      verdict: "compatible",
      changed: true,
    },
  ])(
    "$name: $operation $target $verdict",
    async ({ name, patch, setup, operation, target, verdict, changed, diagnostic }) => {
      const answer = await judge(name.replace(/\W+/g, "-"), patch, setup);
      expect(answer.status).toBe("checked");
      const check = find(answer.operations, operation).checks.find((each) => each.target === target);
      expect(check).toMatchObject({ verdict, changed });
      if (diagnostic) expect(check?.diagnostic).toMatch(diagnostic);
      else expect(check?.diagnostic).toBeUndefined();
    },
  );
});

describe("the compiler's answer on the whole surface", () => {
  it("an operation removed breaks; one added is compatible; unchanged ones say so", async () => {
    const answer = await judge("operation-moved", [
      { op: "remove", path: "/paths/~1calls" },
      {
        op: "add",
        path: "/paths/~1calls~1{id}",
        value: { delete: { responses: { "204": { description: "Gone." } } } },
      },
    ]);
    expect(find(answer.operations, "POST /calls")).toMatchObject({ presence: "removed", verdict: "breaks" });
    expect(find(answer.operations, "DELETE /calls/{id}")).toMatchObject({
      presence: "added",
      verdict: "compatible",
    });
    expect(find(answer.operations, "GET /logs")).toMatchObject({
      presence: "compared",
      verdict: "compatible",
      changed: false,
    });
    expect(answer.removedNames).toEqual(['operations["createCall"]', 'paths["/calls"]']);
  });

  it("lists the exported names that disappeared: a schema, an operationId", async () => {
    const answer = await judge("names-removed", [
      { op: "remove", path: "/components/schemas/Log/properties/parent" },
      { op: "remove", path: "/components/schemas/LogRef" },
      { op: "replace", path: `${logs}/operationId`, value: "list_logs" },
    ]);
    expect(answer.removedNames).toEqual(['components["schemas"]["LogRef"]', 'operations["listLogs"]']);
  });

  it("a path parameter's type change breaks the path check", async () => {
    const answer = await judge("path-parameter", [
      { op: "replace", path: "/paths/~1logs~1{id}/get/parameters/0/schema", value: { type: "integer" } },
    ]);
    const check = find(answer.operations, "GET /logs/{id}").checks.find((each) => each.target === "path");
    expect(check).toMatchObject({ verdict: "breaks", changed: true });
  });

  it("a webhook's request is what the user's code receives: judged like a response", async () => {
    const hook = {
      post: {
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["state"],
                properties: { state: { type: "string", enum: ["ringing", "ended"] } },
              },
            },
          },
        },
        responses: { "200": { description: "Received." } },
      },
    };
    const state = "/webhooks/callStatus/post/requestBody/content/application~1json/schema/properties/state";
    const setup: PatchOperation[] = [{ op: "add", path: "/webhooks", value: { callStatus: hook } }];
    const widened = await judge(
      "webhook-enum-added",
      [{ op: "add", path: `${state}/enum/-`, value: "failed" }],
      setup,
    );
    expect(find(widened.operations, "POST webhooks/callStatus").checks[0]).toMatchObject({
      target: "requestBody",
      flow: "response",
      verdict: "breaks",
    });
    const extra = await judge(
      "webhook-property-added",
      [
        {
          op: "add",
          path: "/webhooks/callStatus/post/requestBody/content/application~1json/schema/properties/duration",
          value: { type: "integer" },
        },
      ],
      setup,
    );
    expect(find(extra.operations, "POST webhooks/callStatus").checks[0]).toMatchObject({
      verdict: "compatible",
      changed: true,
    });
  });

  it("a changed schema is judged on its own, in the direction operations use it", async () => {
    const answer = await judge("schema-enum", [
      { op: "add", path: "/components/schemas/LogStatus/enum/-", value: "archived" },
    ]);
    console.log(JSON.stringify(answer.schemas), JSON.stringify(answer.operations));
    // LogStatus is a query parameter (request) and in Log (response): both directions hold it.
    expect(find(answer.schemas, 'components["schemas"]["LogStatus"]')).toMatchObject({
      verdict: "breaks",
      checks: [{ target: "schema", flow: "both", verdict: "breaks" }],
    });
    const listLogs = find(answer.operations, "GET /logs").checks;
    expect(listLogs.find((check) => check.target === "query")).toMatchObject({
      verdict: "compatible",
      changed: true,
    });
    expect(listLogs.find((check) => check.target === "200 application/json")).toMatchObject({
      verdict: "breaks",
    });
  });
});
