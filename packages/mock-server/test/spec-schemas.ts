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

// strictTypes off: the spec writes `format: uuid` beside an `allOf` whose `$ref` declares the
// string type, which strict mode would refuse for lack of a `type` on the same level.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
addFormats(ajv);
// OpenAPI's own number formats: a double is any JSON number.
ajv.addFormat("double", { type: "number", validate: () => true });
// The OpenAPI document's other top-level keys are not JSON Schema; declare them so strict mode
// accepts the document as the root that "#/components/schemas/…" refs point into.
ajv.addVocabulary(["openapi", "info", "servers", "security", "tags", "externalDocs", "paths", "components"]);
ajv.addSchema(doc, "voice");

/** The three operations, by operationId, as the spec's paths hold them. */
export type OperationId = "list_voice_logs" | "get_voice_log" | "list_voice_log_events";
const OPERATIONS: Record<OperationId, Doc> = {
  list_voice_logs: doc.paths["/logs"].get,
  get_voice_log: doc.paths["/logs/{id}"].get,
  list_voice_log_events: doc.paths["/logs/{id}/events"].get,
};
for (const [id, operation] of Object.entries(OPERATIONS)) {
  if (operation?.operationId !== id) throw new Error(`The spec has no operation ${id} where expected.`);
}

/** Statuses the spec declares for an operation (default: GET /logs). */
export const specStatusesOf = (operation: OperationId): number[] =>
  Object.keys(OPERATIONS[operation].responses).map(Number);
/** Statuses the spec declares for GET /logs. */
export const specStatuses: number[] = specStatusesOf("list_voice_logs");

/** The operation the server answers a request target with, as the spec's paths say. */
export function operationOf(target: string): OperationId | undefined {
  const { pathname } = new URL(target, "http://mock.test");
  if (pathname === "/api/voice/logs") return "list_voice_logs";
  if (/^\/api\/voice\/logs\/[^/]+$/.test(pathname)) return "get_voice_log";
  if (/^\/api\/voice\/logs\/[^/]+\/events$/.test(pathname)) return "list_voice_log_events";
  return undefined;
}

/** The spec's schema for a response of this status. */
export function responseValidator(
  status: number,
  operation: OperationId = "list_voice_logs",
): ValidateFunction {
  const schema = OPERATIONS[operation].responses[String(status)]?.content?.["application/json"]?.schema;
  if (!schema?.$ref) throw new Error(`The spec declares no JSON body for ${operation} ${status}.`);
  const validate = ajv.getSchema(`voice${schema.$ref}`);
  if (!validate) throw new Error(`Ajv has no schema at ${schema.$ref}.`);
  return validate;
}

/** What the server sends for statuses the spec does not declare (404 on GET /logs, 405, 429, …). */
export const offSpecValidator = ajv.compile({
  type: "object",
  properties: { error: { type: "string", minLength: 1 } },
  required: ["error"],
  additionalProperties: false,
});

/** Ajv's errors for a body of `operation` (default: GET /logs), as readable lines; empty when it conforms. */
export function violations(
  status: number,
  body: unknown,
  operation: OperationId = "list_voice_logs",
): string[] {
  const validate = specStatusesOf(operation).includes(status)
    ? responseValidator(status, operation)
    : offSpecValidator;
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}`);
}
