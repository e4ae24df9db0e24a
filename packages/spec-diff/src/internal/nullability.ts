import { isDeepStrictEqual } from "node:util";
import { getAt, splitPointer } from "./json-pointer.js";
import { isObject, type Json, type JsonObject } from "./parsed-spec.js";
import { valueKeys } from "./values.js";

// Maps from a name to a schema: their keys are names ("nullable", "type"...), not keywords.
const nameMaps = new Set(["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"]);
// Keywords that only document or annotate a schema: a lone `oneOf` branch can absorb them
// without changing what the schema accepts.
const docKeys = new Set([
  "title",
  "description",
  "deprecated",
  "readOnly",
  "writeOnly",
  "externalDocs",
  "xml",
  "example",
  "examples",
  "default",
]);

/**
 * Rewrites every way of saying "or null" into one spelling, so that switching between them is
 * no change at all and adding or removing null is one `nullable` change the policy can rate:
 *
 * - `nullable: true` (OpenAPI 3.0)           → kept as `nullable: true`
 * - `type: [T, "null"]` (3.1), `enum: [..., null]` → `type: T`, `nullable: true`
 * - `oneOf`/`anyOf` with a `{type: "null"}` branch → the other branch(es), `nullable: true`
 * - `allOf: [X]` + `nullable: true` (the 3.0 way to make a `$ref` nullable) → `X`, `nullable: true`
 *
 * and a lone `allOf` branch with only words beside it (`{allOf: [$ref: X], description}`, how
 * generators write a described `$ref`) into the branch: the same schema, the same generated
 * type, so the engine compares through it instead of seeing a new schema.
 *
 * The engine (redocly diff) then sees only `nullable`, which it reads for every OpenAPI version.
 */
export function normalizeNullability(node: Json, isNameMap = false): Json {
  if (Array.isArray(node)) return node.map((item) => normalizeNullability(item));
  if (!isObject(node)) return node;
  const copy: JsonObject = {};
  for (const [name, value] of Object.entries(node)) {
    const keep = !isNameMap && (valueKeys.has(name) || name.startsWith("x-"));
    copy[name] = keep ? value : normalizeNullability(value, !isNameMap && nameMaps.has(name));
  }
  return isNameMap ? copy : canonical(copy);
}

function canonical(schema: JsonObject): JsonObject {
  let nullable = schema.nullable === true;
  if (typeof schema.nullable === "boolean") delete schema.nullable;

  if (Array.isArray(schema.type) && schema.type.includes("null")) {
    const rest = schema.type.filter((type) => type !== "null");
    schema.type = rest.length === 1 ? (rest[0] ?? null) : rest.length === 0 ? "null" : rest;
    nullable = true;
  }
  // `type: "null"` alone accepts only null: nullable, with a type of its own.
  if (schema.type === "null") nullable = true;
  if (Array.isArray(schema.enum) && schema.enum.includes(null) && schema.enum.length > 1) {
    schema.enum = schema.enum.filter((value) => value !== null);
    nullable = true;
  }
  for (const combinator of ["oneOf", "anyOf"] as const) {
    const branches = schema[combinator];
    if (!Array.isArray(branches) || branches.length < 2 || !branches.some(isNullSchema)) continue;
    schema[combinator] = branches.filter((branch) => !isNullSchema(branch));
    nullable = true;
  }
  // A lone `allOf` branch (`links: {allOf: [$ref: Page], description}`) is the branch. A lone
  // oneOf/anyOf branch is too, but it is what is left after a variant was removed, which the
  // engine names better as it stands.
  const merged = unwrapSingleBranch(schema, nullable ? ["oneOf", "anyOf", "allOf"] : ["allOf"]);
  if (nullable) merged.nullable = true;
  return merged;
}

/**
 * Drops what a `$ref`'s siblings repeat from its target (`{$ref: uuid, format: uuid}` where
 * `uuid` says `format: uuid`), and unwraps `{allOf: [$ref: uuid], format: uuid}` once nothing
 * but words is left beside it: the same schema, spelled the same way on both sides. Run after
 * {@link normalizeNullability}, on the whole (bundled, so local-`$ref`) document.
 *
 * @example
 * ```ts
 * const doc = dropRepeatedRefSiblings(normalizeNullability(bundled) as JsonObject);
 * ```
 */
export function dropRepeatedRefSiblings(doc: JsonObject): JsonObject {
  const visit = (node: Json, isNameMap: boolean): Json => {
    if (Array.isArray(node)) return node.map((item) => visit(item, false));
    if (!isObject(node)) return node;
    const copy: JsonObject = {};
    for (const [name, value] of Object.entries(node)) {
      const keep = !isNameMap && (valueKeys.has(name) || name.startsWith("x-"));
      copy[name] = keep ? value : visit(value, !isNameMap && nameMaps.has(name));
    }
    if (isNameMap) return copy;
    // `{allOf: [$ref: X], format: uuid}` where X says `format: uuid` is X too.
    const lone = loneRef(copy.allOf);
    if (lone && !("$ref" in copy)) {
      const { allOf: _allOf, ...siblings } = copy;
      const unwrapped = withoutRepeats(doc, { ...siblings, $ref: lone });
      return Object.keys(unwrapped).every(
        (name) => name === "$ref" || docKeys.has(name) || name.startsWith("x-"),
      )
        ? unwrapped
        : copy;
    }
    return typeof copy.$ref === "string" ? withoutRepeats(doc, copy) : copy;
  };
  return visit(doc, false) as JsonObject;
}

/** The `$ref` of `[{$ref: X}]`, the only member of an `allOf` that is nothing but a reference. */
function loneRef(branches: Json | undefined): string | undefined {
  if (!Array.isArray(branches) || branches.length !== 1) return undefined;
  const [branch] = branches;
  return isObject(branch) && Object.keys(branch).length === 1 && typeof branch.$ref === "string"
    ? branch.$ref
    : undefined;
}

/** `schema` (which has a `$ref`) without the siblings that say what its target says. */
function withoutRepeats(doc: JsonObject, schema: JsonObject): JsonObject {
  const ref = schema.$ref;
  const target = typeof ref === "string" && ref.startsWith("#/") ? resolveLocal(doc, ref) : undefined;
  if (!isObject(target)) return schema;
  return Object.fromEntries(
    Object.entries(schema).filter(
      ([name, value]) => name === "$ref" || docKeys.has(name) || !isDeepStrictEqual(value, target[name]),
    ),
  );
}

/** The node a local `$ref` points at, following `$ref` chains (at most 32 hops). */
function resolveLocal(doc: JsonObject, ref: string): Json | undefined {
  let node: Json | undefined = getAt(doc, splitPointer(ref));
  for (let hops = 0; isObject(node) && typeof node.$ref === "string" && hops < 32; hops += 1) {
    node = getAt(doc, splitPointer(node.$ref));
  }
  return node;
}

/** `{oneOf: [X], description}` → `{...X, description}` when nothing else would conflict. */
function unwrapSingleBranch(schema: JsonObject, combinators: readonly string[]): JsonObject {
  for (const combinator of combinators) {
    const branches = schema[combinator];
    if (!Array.isArray(branches) || branches.length !== 1) continue;
    const [branch] = branches;
    const others = Object.keys(schema).filter((name) => name !== combinator);
    if (!isObject(branch) || !others.every((name) => docKeys.has(name) || name.startsWith("x-"))) continue;
    const siblings: JsonObject = { ...schema };
    delete siblings[combinator];
    return { ...branch, ...siblings };
  }
  return schema;
}

function isNullSchema(branch: Json): boolean {
  if (!isObject(branch)) return false;
  const meaningful = Object.keys(branch).filter((name) => !docKeys.has(name) && name !== "nullable");
  if (meaningful.length !== 1) return false;
  const [only] = meaningful;
  if (only === "type") return branch.type === "null";
  if (only === "enum")
    return Array.isArray(branch.enum) && branch.enum.length === 1 && branch.enum[0] === null;
  return only === "const" && branch.const === null;
}
