import { deref } from "../describe.js";
import { getAt, splitPointer } from "../json-pointer.js";
import { isObject, type Json, type JsonObject } from "../parsed-spec.js";

/**
 * Rule kinds that break callers on the wire where the generated types cannot show it: a
 * major from one of these stands whatever the compiler says. Reviewed list: add a kind only
 * for a break a request or response makes at run time, not one TypeScript would catch.
 *
 * @example
 * ```ts
 * isWireLevel("server-removed", "#/servers/0", base, head); // true
 * ```
 */
export const WIRE_LEVEL_KINDS: Readonly<Record<string, string>> = {
  // The URL callers use is gone: every call to it now fails.
  "path-removed": "the path no longer exists on the server",
  "operation-removed": "the method no longer exists on the path",
  // The same values, sent in a shape the server no longer parses (only for arrays and objects).
  "parameter-serialization-changed": "the parameter is serialized differently",
  // Bounds, patterns, lengths: the server refuses values it accepted, or sends values old
  // callers never saw; the generated types (`number`, `string`) carry no constraint.
  "schema-constraint-changed": "the server accepts or sends other values than before",
  // A header the caller read is gone; generated headers keep an index signature, so code still compiles.
  "response-header-removed": "a response header callers read is no longer sent",
  // integer ↔ number: both generate `number`, but a fraction now arrives (or is refused).
  "schema-type-changed": "the values change between integer and number",
  // Credentials: a call that was allowed is now refused, and the types carry no auth.
  "security-requirement-changed": "calls need other or more credentials",
  "security-requirement-removed": "a way to authenticate was taken away",
  "security-scheme-changed": "the credentials are sent differently",
  "security-scheme-removed": "the credentials are no longer accepted",
  // Base URLs: the types say nothing of where the requests go.
  "server-removed": "a base URL callers use is gone",
  "server-variable-narrowed": "a base URL callers use is gone",
  "server-variable-default-changed": "the default base URL changed",
  "server-variable-removed": "a base URL callers use is gone",
};

/**
 * Whether a major of `kind` at `pointer` is a wire-level break. A serialization change is one
 * only when the parameter is an array or object: `style` and `explode` leave a single
 * primitive value spelled the same.
 *
 * @example
 * ```ts
 * isWireLevel("parameter-serialization-changed", "#/paths/~1logs/get/parameters/1/explode", base, head);
 * ```
 */
export function isWireLevel(kind: string, pointer: string, base: JsonObject, head: JsonObject): boolean {
  if (!(kind in WIRE_LEVEL_KINDS)) return false;
  if (kind === "schema-type-changed") {
    const [before, after] = [base, head].map((doc) => getAt(doc, splitPointer(pointer)));
    return isNumeric(before) && isNumeric(after) && JSON.stringify(before) !== JSON.stringify(after);
  }
  if (kind !== "parameter-serialization-changed") return true;
  const schemas = [base, head].flatMap((doc) => {
    const schema = parameterSchema(doc, pointer);
    return schema === undefined ? [] : [{ schema, doc }];
  });
  return schemas.length === 0 || schemas.some(({ schema, doc }) => !isPrimitive(schema, doc));
}

/** The schema of the parameter `pointer` is in (or points at), following `$ref`s. */
function parameterSchema(doc: JsonObject, pointer: string): Json | undefined {
  const segments = splitPointer(pointer);
  const at = segments.lastIndexOf("parameters");
  const parameter = deref(doc, getAt(doc, at === -1 ? segments : segments.slice(0, at + 2)));
  return isObject(parameter) ? parameter.schema : undefined;
}

/** A `type` of integer or number (a type list counts when every member is one, or null). */
function isNumeric(type: Json | undefined): boolean {
  const types = (Array.isArray(type) ? type : [type]).filter((each) => each !== "null");
  return types.length > 0 && types.every((each) => each === "integer" || each === "number");
}

function isPrimitive(schema: Json | undefined, doc: JsonObject): boolean {
  const resolved = deref(doc, schema);
  if (!isObject(resolved)) return false;
  const types = Array.isArray(resolved.type) ? resolved.type : [resolved.type];
  return types.every((type) => ["string", "number", "integer", "boolean", "null"].includes(String(type)));
}
