import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { parse } from "yaml";

/**
 * The bundled spec's response schemas, compiled by Ajv (JSON Schema 2020-12) with ajv-formats:
 * an independent judge of what the server sends, not our own types.
 */
const require = createRequire(import.meta.url);
export const bundlePath = join(
  dirname(require.resolve("@signalwire-voice/spec/package.json")),
  "dist/voice.sdk.yaml",
);

// biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document is walked by key.
type Doc = Record<string, any>;
const doc = parse(readFileSync(bundlePath, "utf8")) as Doc;
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
// OpenAPI's own number formats: a double is any JSON number.
ajv.addFormat("double", { type: "number", validate: () => true });
// The OpenAPI document's other top-level keys are not JSON Schema; declare them so strict mode
// accepts the document as the root that "#/components/schemas/…" refs point into.
ajv.addVocabulary(["openapi", "info", "servers", "security", "tags", "paths", "components"]);
ajv.addSchema(doc, "voice");

const operation = doc.paths["/logs"].get;

/** Statuses the spec declares for GET /logs. */
export const specStatuses: number[] = Object.keys(operation.responses).map(Number);

/** The spec's schema for a response of this status. */
export function responseValidator(status: number): ValidateFunction {
  const schema = operation.responses[String(status)]?.content?.["application/json"]?.schema;
  if (!schema?.$ref) throw new Error(`The spec declares no JSON body for status ${status}.`);
  const validate = ajv.getSchema(`voice${schema.$ref}`);
  if (!validate) throw new Error(`Ajv has no schema at ${schema.$ref}.`);
  return validate;
}

/** What the server sends for statuses the spec does not declare (404, 405, 429, 502, 503). */
export const offSpecValidator = ajv.compile({
  type: "object",
  properties: { error: { type: "string", minLength: 1 } },
  required: ["error"],
  additionalProperties: false,
});

/** Ajv's errors for a body, as readable lines; empty when it conforms. */
export function violations(status: number, body: unknown): string[] {
  const validate = specStatuses.includes(status) ? responseValidator(status) : offSpecValidator;
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}`);
}
