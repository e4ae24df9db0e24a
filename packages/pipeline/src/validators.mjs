// @ts-check
// Step 3d: validation code for each response body of a bundled SDK spec, made at build time by
// Ajv's standalone code generation: nothing is compiled at run time, nothing needs `eval`.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { parse } from "yaml";
import { resolver, responseSchemas } from "./refs.mjs";

const require = createRequire(import.meta.url);
/** @type {{ version: string }} */
const { version } = require("ajv/package.json");

/** Keywords that describe and check nothing: left out, so the generated code does not carry them. */
const ANNOTATIONS = new Set([
  "description",
  "summary",
  "title",
  "example",
  "examples",
  "externalDocs",
  "xml",
  "deprecated",
  "readOnly",
  "writeOnly",
  "discriminator",
]);

/**
 * `value` without annotations, at any depth; property names (`properties`' keys) are kept. The
 * properties that an `enum` or `const` constrains come first: Ajv checks them in this order and
 * stops at the first failure, so a union member that does not match (a log of another `type`)
 * is left before its formats are checked, which cost most.
 * @param {unknown} value
 * @param {(node: any) => any} resolve the document's `$ref` resolver
 * @param {boolean} [isMap] whether `value` maps names to schemas (`properties` and the like)
 * @returns {unknown}
 */
function stripped(value, resolve, isMap = false) {
  if (Array.isArray(value)) return value.map((item) => stripped(item, resolve));
  if (!value || typeof value !== "object") return value;
  /** @type {Record<string, unknown>} */
  const kept = {};
  for (const [key, inner] of Object.entries(value)) {
    if (isMap || !(ANNOTATIONS.has(key) || key.startsWith("x-")))
      kept[key] =
        key === "enum" || key === "const" ? inner : stripped(inner, resolve, !isMap && MAPS.has(key));
  }
  if (isMap) return kept;
  // `allOf: [{ $ref }]` beside the keywords the target already has (`format: uuid` twice):
  // each would be checked twice.
  const [only, ...more] = Array.isArray(kept.allOf) ? kept.allOf : [];
  const target = more.length === 0 && only ? resolve(only) : undefined;
  if (target && typeof target === "object")
    for (const key of Object.keys(kept))
      if (key !== "allOf" && JSON.stringify(target[key]) === JSON.stringify(kept[key])) delete kept[key];
  const properties = /** @type {Record<string, unknown> | undefined} */ (kept.properties);
  if (properties && typeof properties === "object") {
    const first = Object.entries(properties).filter(([, schema]) => isClosedSet(schema, resolve));
    kept.properties = Object.fromEntries([
      ...first,
      ...Object.entries(properties).filter((entry) => !first.includes(entry)),
    ]);
  }
  return kept;
}

/**
 * Whether a schema allows only listed values (`enum` or `const`, through `$ref` and a one-member `allOf`).
 * @param {any} schema
 * @param {(node: any) => any} resolve
 * @returns {boolean}
 */
function isClosedSet(schema, resolve) {
  const target = resolve(schema?.allOf?.length === 1 ? schema.allOf[0] : schema);
  return Array.isArray(target?.enum) || target?.const !== undefined;
}
const MAPS = new Set([
  "properties",
  "patternProperties",
  "$defs",
  "definitions",
  "dependentSchemas",
  "schemas",
]);

/**
 * The generated TypeScript module: Ajv's standalone ES module code for each response body
 * schema, and `VALIDATORS`, the validate functions by operation (`"GET /logs"`) and status, with
 * the operationId each belongs to. The formats (`date-time`, `uuid`…) are ajv-formats' "full"
 * ones, imported from ajv-formats (which bundlers inline).
 * @example
 * writeFileSync(join(api.client, "validators.ts"), generateValidators(api.bundle, api.name));
 * @param {string} bundlePath
 * @param {string} apiName
 */
export function generateValidators(bundlePath, apiName) {
  const doc = parse(readFileSync(bundlePath, "utf8"));
  const { default: Ajv2020 } = require("ajv/dist/2020");
  const { default: addFormats } = require("ajv-formats");
  const { default: standaloneCode } = require("ajv/dist/standalone");
  const ajv = new Ajv2020({
    code: { source: true, esm: true, optimize: true },
    strict: false,
    inlineRefs: false,
  });
  addFormats(ajv);
  const resolve = resolver(doc);
  ajv.addSchema({ $id: "spec", components: stripped(doc.components ?? {}, resolve) });
  /** @type {Record<string, string>} */
  const exports = {};
  /** @type {string[]} */
  const table = [];
  let n = 0;
  /** @type {string | undefined} */
  let last;
  for (const [operation, status, schema, operationId] of responseSchemas(doc)) {
    const name = `v${n++}`;
    // Local refs point into the "spec" schema that holds the components.
    const json = JSON.stringify(stripped(schema, resolve)).replace(/"\$ref":"#\//g, '"$ref":"spec#/');
    ajv.addSchema({ $id: name, ...JSON.parse(json) });
    exports[name] = name;
    if (operation !== last)
      table.push(
        `${last ? "  },\n" : ""}  ${JSON.stringify(operation)}: {\n    operationId: ${JSON.stringify(operationId ?? operation)},`,
      );
    table.push(`    ${JSON.stringify(status)}: ${name},`);
    last = operation;
  }
  if (last) table.push("  },");
  const code = standaloneCode(ajv, exports)
    .replace(/^"use strict";/, "")
    // ajv-formats names its module with `require`, which an ES module cannot call.
    .replaceAll('require("ajv-formats/dist/formats")', "ajvFormats");
  if (/require\(/.test(code))
    throw new Error(
      `generate-validators: the code still requires a module: ${code.match(/require\([^)]*\)/)?.[0]}`,
    );
  return [
    "// Generated file. Do not edit: it is overwritten and CI fails on drift.",
    `// Made by \`pnpm generate\` (signalwire-pipeline generate-client --api ${apiName}) with Ajv ${version}'s`,
    `// standalone code, from the pipeline's apis.json → "${apiName}" bundle: a validate function per response body.`,
    "// @ts-nocheck",
    "/* biome-ignore-all lint: generated */",
    'import * as ajvFormats from "ajv-formats/dist/formats.js";',
    "",
    code,
    "",
    "/** A validate function of Ajv: true when `data` is valid, else false with `errors` set. */",
    "export type Validate = ((data: unknown) => boolean) & { errors?: { instancePath: string; keyword: string; params: Record<string, unknown>; message?: string }[] | null };",
    "",
    "/** Per operation: its operationId, and the validate function of each status's JSON body. */",
    "export const VALIDATORS: Record<string, { operationId: string } & Record<string, Validate | string>> = {",
    ...table,
    "};",
    "",
  ].join("\n");
}
