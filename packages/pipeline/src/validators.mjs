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
    const first = Object.entries(properties).filter(
      ([, schema]) => closedValues(schema, resolve) !== undefined,
    );
    kept.properties = Object.fromEntries([
      ...first,
      ...Object.entries(properties).filter((entry) => !first.includes(entry)),
    ]);
  }
  return kept;
}

/**
 * The values a schema allows when it lists them (`enum` or `const`, through `$ref` and a
 * one-member `allOf`), else undefined.
 * @param {any} schema
 * @param {(node: any) => any} resolve
 * @returns {unknown[] | undefined}
 */
function closedValues(schema, resolve) {
  const target = resolve(schema?.allOf?.length === 1 ? schema.allOf[0] : schema);
  return Array.isArray(target?.enum) ? target.enum : target?.const !== undefined ? [target.const] : undefined;
}
/** The keywords JSON Schema 2019-09 and 2020-12 added, which draft-07 would ignore. */
const NEWER_KEYWORDS =
  /"(prefixItems|unevaluatedProperties|unevaluatedItems|dependentRequired|dependentSchemas|minContains|maxContains|\$dynamicRef|\$dynamicAnchor|\$recursiveRef|\$recursiveAnchor|\$anchor)":/;
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
 * ones, and helpers such as `ucs2length` Ajv's own: imported from ajv-formats and ajv, which
 * bundlers inline.
 * @example
 * writeFileSync(join(api.contract, "validators.ts"), generateValidators(api.bundle, api.name));
 * @param {string} bundlePath
 * @param {string} apiName
 */
export function generateValidators(bundlePath, apiName) {
  const doc = parse(readFileSync(bundlePath, "utf8"));
  // OpenAPI 3.1's schemas are JSON Schema 2020-12. Where the spec uses nothing of what
  // 2019-09/2020-12 added, Ajv's draft-07 class checks it the same (Ajv applies the keywords
  // beside a `$ref` in both), 0.6× the time: its unions skip the evaluated-properties bookkeeping
  // that `unevaluatedProperties` needs.
  const text = JSON.stringify(doc);
  const Ajv = NEWER_KEYWORDS.test(text) ? require("ajv/dist/2020").default : require("ajv").default;
  const { default: addFormats } = require("ajv-formats");
  const { default: standaloneCode } = require("ajv/dist/standalone");
  const ajv = new Ajv({
    code: { source: true, esm: true, optimize: true },
    strict: false,
    inlineRefs: false,
  });
  addFormats(ajv);
  const resolve = resolver(doc);
  const components = /** @type {Record<string, unknown>} */ (stripped(doc.components ?? {}, resolve));
  /** @type {Map<string, Set<unknown>>} */
  const discriminators = new Map();
  const discriminate = unionsDiscriminated(resolver({ components }), discriminators);
  discriminate(components);
  ajv.addSchema({ $id: "spec", components });
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
    const body = stripped(schema, resolve);
    discriminate(body);
    const json = JSON.stringify(body).replace(/"\$ref":"#\//g, '"$ref":"spec#/');
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
  // Ajv names the modules its code calls (ajv-formats' formats, its own runtime helpers such as
  // ucs2length) with `require`, which an ES module cannot call: each becomes an import.
  /** @type {Map<string, string>} */
  const modules = new Map();
  const code = standaloneCode(ajv, exports)
    .replace(/^"use strict";/, "")
    .replace(/require\("([^"]+)"\)/g, (/** @type {string} */ _, /** @type {string} */ specifier) => {
      if (!modules.has(specifier)) modules.set(specifier, `module${modules.size}`);
      return /** @type {string} */ (modules.get(specifier));
    });
  // Node hands an ES module a CommonJS module's exports as `default`; bundlers, seeing
  // `__esModule`, as the namespace itself. Either way, `module0` is the module's exports.
  const imports = [...modules].flatMap(([specifier, name]) => [
    `import * as ${name}Namespace from "${specifier}.js";`,
    `const ${name} = ${name}Namespace.default?.__esModule ? ${name}Namespace.default : ${name}Namespace;`,
  ]);
  return [
    "// Generated file. Do not edit: it is overwritten and CI fails on drift.",
    `// Made by \`pnpm generate\` (signalwire-pipeline generate --api ${apiName}) with Ajv ${version}'s`,
    `// standalone code, from the pipeline's apis.json → "${apiName}" bundle: a validate function per response body.`,
    "// @ts-nocheck",
    "/* biome-ignore-all lint: generated */",
    ...imports,
    "",
    code,
    "",
    "/** A validate function of Ajv: true when `data` is valid, else false with `errors` set. */",
    "export type Validate = ((data: unknown) => boolean) & { errors?: { instancePath: string; keyword: string; params: Record<string, unknown>; message?: string }[] | null };",
    "",
    "/**",
    " * The properties that tell a union's members apart (a log's `type`), with every value any",
    " * member takes: a value outside them is a kind the spec does not know.",
    " */",
    `export const DISCRIMINATORS: Record<string, readonly unknown[]> = ${JSON.stringify(Object.fromEntries([...discriminators].map(([key, values]) => [key, [...values]])))};`,
    "",
    "/** Per operation: its operationId, and the validate function of each status's JSON body. */",
    "export const VALIDATORS: Record<string, { operationId: string } & Record<string, Validate | string>> = {",
    ...table,
    "};",
    "",
  ].join("\n");
}

/**
 * A function that, in place and at any depth, makes each union (`anyOf`, `oneOf`) of objects
 * that one property tells apart (each member allows its own values of `type`) check that
 * property first: each member becomes `allOf: [{ properties: { type } }, member]`, and lists
 * `type` first among its required properties. Ajv stops a member at its first failure, so a
 * member of another kind fails on `type` (which the report then sets aside), never on a
 * property that kind does not have. What passes is unchanged. Each such property and its
 * values go into `found`.
 * @param {(node: any) => any} resolve the `$ref` resolver of the stripped components
 * @param {Map<string, Set<unknown>>} found
 * @returns {(root: unknown) => void}
 */
function unionsDiscriminated(resolve, found) {
  const seen = new Set();
  const visit = (/** @type {any} */ node) => {
    if (!node || typeof node !== "object" || seen.has(node)) return;
    seen.add(node);
    for (const key of ["anyOf", "oneOf"]) {
      if (!Array.isArray(node[key])) continue;
      const members = node[key].map(resolve);
      const names = new Set(
        members.flatMap((/** @type {any} */ member) => Object.keys(member?.properties ?? {})),
      );
      const discriminator = [...names].find((name) => {
        const sets = members.map((/** @type {any} */ member) =>
          closedValues(member?.properties?.[name], resolve),
        );
        const present = sets.filter(Boolean);
        const all = present.flat().map((value) => JSON.stringify(value));
        return present.length >= 2 && new Set(all).size === all.length;
      });
      if (discriminator === undefined) continue;
      const values = found.get(discriminator) ?? new Set();
      found.set(discriminator, values);
      node[key] = node[key].map((/** @type {any} */ ref, /** @type {number} */ i) => {
        const member = members[i];
        const property = member?.properties?.[discriminator];
        if (!property) return ref;
        for (const value of closedValues(property, resolve) ?? []) values.add(value);
        if (Array.isArray(member.required) && member.required.includes(discriminator))
          member.required = [
            discriminator,
            ...member.required.filter((/** @type {string} */ name) => name !== discriminator),
          ];
        return { allOf: [{ properties: { [discriminator]: property } }, ref] };
      });
    }
    for (const value of Object.values(node)) visit(value);
  };
  return visit;
}
