// @ts-check
// Step 3c: the columns of the CLI's CSV export, one per property a voice log can have, so a
// property the spec gains becomes a column on the next `pnpm generate`.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { resolver } from "./refs.mjs";

/** The union whose members are the kinds of log an export writes. */
const LOG_SCHEMA = "VoiceLog";
/** What every kind has and a reader looks for first: they lead, in this order, when the spec has them. */
const LEADING = ["id", "type", "created_at"];
/** JSON types a spreadsheet cell holds as they are; anything else is written as JSON. */
const SCALARS = new Set(["string", "number", "integer", "boolean", "null"]);

/**
 * @typedef {object} LogColumn one CSV column
 * @property {string} name the property's name, also the column's header
 * @property {"scalar" | "json"} cell `scalar`: the value as it is; `json`: compact JSON (a list or an object)
 */

/**
 * The columns of a voice log in CSV: the union of the properties of the `VoiceLog` union's
 * members. `id`, `type` and `created_at` lead; the others follow in first-appearance order,
 * member by member in the union's order and property by property in each member's order. A
 * property is `scalar` when every member's schema for it allows only strings, numbers, booleans
 * or null, `json` otherwise (also when a schema does not say).
 * @example
 * logColumns(parse(readFileSync("spec/dist/voice.sdk.yaml", "utf8")))
 * // [{ name: "id", cell: "scalar" }, …, { name: "charge_details", cell: "json" }, …]
 * @param {any} doc a bundled OpenAPI document
 * @returns {LogColumn[]}
 */
export function logColumns(doc) {
  const resolve = resolver(doc);
  const union = doc.components?.schemas?.[LOG_SCHEMA];
  if (!union)
    throw new Error(
      `The bundle has no components.schemas.${LOG_SCHEMA}: the CSV columns are its members' properties. Was the schema renamed? Update LOG_SCHEMA in the pipeline's log-columns.mjs.`,
    );
  /** @type {Map<string, boolean>} name → every schema seen for it is scalar */
  const scalar = new Map();
  for (const member of members(union, resolve))
    for (const [name, schema] of properties(member, resolve))
      scalar.set(name, (scalar.get(name) ?? true) && isScalar(schema, resolve));
  const names = [...LEADING.filter((name) => scalar.has(name)), ...scalar.keys()];
  return [...new Set(names)].map((name) => ({ name, cell: scalar.get(name) ? "scalar" : "json" }));
}

/**
 * The object schemas of a union, nested unions flattened, in order.
 * @param {any} schema
 * @param {(node: any) => any} resolve
 * @returns {any[]}
 */
function members(schema, resolve) {
  const node = resolve(schema) ?? {};
  const options = node.anyOf ?? node.oneOf;
  return options ? options.flatMap((/** @type {any} */ option) => members(option, resolve)) : [node];
}

/**
 * A member's properties in order, those of its `allOf` parts included.
 * @param {any} schema
 * @param {(node: any) => any} resolve
 * @returns {[name: string, schema: any][]}
 */
function properties(schema, resolve) {
  const node = resolve(schema) ?? {};
  return [
    ...(node.allOf ?? []).flatMap((/** @type {any} */ part) => properties(part, resolve)),
    ...Object.entries(node.properties ?? {}),
  ];
}

/**
 * Whether every value `schema` allows is a string, number, boolean or null. A schema that names
 * no type (`{}`, a bare `$ref` to nothing) may hold an object, so it is not.
 * @param {any} schema
 * @param {(node: any) => any} resolve
 * @returns {boolean}
 */
function isScalar(schema, resolve) {
  const node = resolve(schema) ?? {};
  // allOf narrows: one scalar part makes the whole scalar. anyOf/oneOf widen: every option must be.
  if (node.allOf?.some((/** @type {any} */ part) => isScalar(part, resolve))) return true;
  const options = node.anyOf ?? node.oneOf;
  if (options) return options.every((/** @type {any} */ option) => isScalar(option, resolve));
  if (node.type !== undefined) return [node.type].flat().every((type) => SCALARS.has(type));
  const listed = node.enum ?? ("const" in node ? [node.const] : undefined);
  if (listed)
    return listed.every((/** @type {unknown} */ value) => value === null || typeof value !== "object");
  return false;
}

/**
 * The generated module of a bundle's log columns, with its do-not-edit header.
 * @example
 * writeFileSync(join(api.cli, "log-columns.ts"), generateLogColumns(api.bundle, api.name));
 * @param {string} bundlePath
 * @param {string} apiName
 */
export function generateLogColumns(bundlePath, apiName) {
  const columns = logColumns(parse(readFileSync(bundlePath, "utf8")));
  return [
    "// Generated file. Do not edit: it is overwritten and CI fails on drift.",
    `// Made by \`pnpm generate\` (signalwire-pipeline generate-cli --api ${apiName}) from the`,
    `// pipeline's apis.json → "${apiName}" bundle: the properties of the members of ${LOG_SCHEMA}.`,
    "",
    "/**",
    ` * A CSV column per property a ${LOG_SCHEMA} can have: ${LEADING.join(", ")} first, then the others`,
    " * in the order they first appear in the union's members. `scalar`: the value as it is; `json`:",
    " * compact JSON (the spec allows a list or an object).",
    " */",
    "export const LOG_COLUMNS = [",
    ...columns.map((column) => `  ${JSON.stringify(column)},`),
    "] as const;",
    "",
  ].join("\n");
}
