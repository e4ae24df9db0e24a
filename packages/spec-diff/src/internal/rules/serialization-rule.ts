import { deref, parameterName, show } from "../describe.js";
import { getAt, splitPointer } from "../json-pointer.js";
import { isObject, type Json, type JsonObject } from "../parsed-spec.js";
import { valuesOf } from "../values.js";
import { type RuleInput, type Verdict, where } from "./rule.js";

const primitives = new Set(["string", "integer", "number", "boolean"]);
// OpenAPI 3.x, Parameter Object: the default style for each location.
const defaultStyle: Record<string, string> = {
  query: "form",
  cookie: "form",
  path: "simple",
  header: "simple",
};

/**
 * `style` and `explode` decide how a parameter is written into the URL or a header. For a
 * single value (string, number, boolean) `explode` changes nothing in any style (the
 * specification's style table: `explode` only splits arrays and objects), and a `style`
 * spelled out as its location's default is the default: `page_size=5` either way. Only when
 * what goes on the wire is the same is the engine's "serialization changed" overruled; an
 * array or object (`ids=a,b` against `ids=a&ids=b`) stays a break.
 */
export function serializationUnchanged(input: RuleInput): Verdict | undefined {
  const { change } = input;
  if (change.typeName !== "Parameter" || (change.property !== "explode" && change.property !== "style"))
    return undefined;
  const before = serialization(input.base, change.base?.pointer);
  const after = serialization(input.head, change.revision?.pointer);
  if (before === undefined || before !== after) return undefined;
  const name = parameterName(input.doc, parameterAt(change.revision?.pointer ?? change.path));
  const what = `\`${change.property}\` of ${name} changed from ${show(change.base?.value)} to ${show(change.revision?.value)}`;
  return {
    severity: "patch",
    kind: "parameter-serialization-unchanged",
    message: `${where(input)}: ${what}; its single value is sent exactly as before.`,
  };
}

/** `query form` (a single value) or `query form explode` (an array): what decides the wire format. */
function serialization(doc: JsonObject, pointer: string | undefined): string | undefined {
  if (pointer === undefined) return undefined;
  const parameter = deref(doc, getAt(doc, parameterAt(pointer)));
  if (!isObject(parameter) || typeof parameter.in !== "string" || !isObject(parameter.schema))
    return undefined;
  const style = typeof parameter.style === "string" ? parameter.style : defaultStyle[parameter.in];
  if (style === undefined) return undefined;
  if (isSingleValue(doc, parameter.schema)) return `${parameter.in} ${style}`;
  const explode = typeof parameter.explode === "boolean" ? parameter.explode : style === "form";
  return `${parameter.in} ${style}${explode ? " explode" : ""}`;
}

/** A schema whose values are one string, number or boolean (following `$ref`s). */
function isSingleValue(doc: JsonObject, node: Json): boolean {
  const schema = deref(doc, node);
  if (!isObject(schema) || "properties" in schema || "items" in schema) return false;
  for (const combinator of ["allOf", "oneOf", "anyOf"] as const) {
    const branches = schema[combinator];
    if (Array.isArray(branches))
      return branches.length > 0 && branches.every((branch) => isSingleValue(doc, branch));
  }
  const types = valuesOf(schema.type);
  if (types.length > 0) return types.every((type) => primitives.has(type));
  return (
    Array.isArray(schema.enum) && schema.enum.every((value) => value === null || typeof value !== "object")
  );
}

/** The parameter's segments, from a pointer at it or at its `explode`/`style` keyword. */
function parameterAt(pointer: string): string[] {
  const segments = splitPointer(pointer);
  return /^(explode|style)$/.test(segments.at(-1) ?? "") ? segments.slice(0, -1) : segments;
}
