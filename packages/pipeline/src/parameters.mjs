// @ts-check
// Step 3b: the request parameters of a bundled SDK spec, as data a client checks before sending.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { resolver } from "./refs.mjs";

/**
 * @typedef {object} ParameterRule what the spec says of one parameter's value
 * @property {"string" | "integer" | "number" | "boolean"} type
 * @property {number} [minimum]
 * @property {number} [maximum]
 * @property {readonly (string | number | boolean)[]} [enum]
 * @property {string} [format]
 */

/** The schema keywords a rule keeps; the rest (descriptions, examples, defaults) checks nothing. */
const KEPT = /** @type {const} */ (["type", "minimum", "maximum", "enum", "format"]);

/**
 * Every query and path parameter of every operation, by location and name, with what its schema
 * constrains. A name that two operations define differently is an error: the client checks a
 * parameter by its name.
 * @example
 * parameterRules(parse(readFileSync("spec/dist/voice.sdk.yaml", "utf8"))).query.page_size
 * // { type: "integer", minimum: 1, maximum: 1000 }
 * @param {any} doc a bundled OpenAPI document
 * @returns {{ query: Record<string, ParameterRule>; path: Record<string, ParameterRule> }}
 */
export function parameterRules(doc) {
  /** @type {{ query: Record<string, ParameterRule>; path: Record<string, ParameterRule> }} */
  const rules = { query: {}, path: {} };
  const resolve = resolver(doc);
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, operation] of Object.entries(/** @type {Record<string, any>} */ (item))) {
      if (typeof operation !== "object" || !Array.isArray(operation?.parameters)) continue;
      for (const parameter of [...(item.parameters ?? []), ...operation.parameters].map(resolve)) {
        if (parameter.in !== "query" && parameter.in !== "path") continue;
        const schema = resolve(parameter.schema) ?? {};
        const merged = resolve(
          schema.allOf?.length === 1 ? { ...resolve(schema.allOf[0]), ...schema } : schema,
        );
        /** @type {Record<string, unknown>} */
        const rule = {};
        for (const key of KEPT) if (merged[key] !== undefined) rule[key] = merged[key];
        const table = /** @type {Record<string, ParameterRule>} */ (
          rules[/** @type {"query" | "path"} */ (parameter.in)]
        );
        const known = table[parameter.name];
        if (known && JSON.stringify(known) !== JSON.stringify(rule))
          throw new Error(
            `${method.toUpperCase()} ${path}: ${parameter.in} parameter ${parameter.name} is ${JSON.stringify(rule)} here and ${JSON.stringify(known)} elsewhere.`,
          );
        table[parameter.name] = /** @type {ParameterRule} */ (rule);
      }
    }
  }
  return rules;
}

/**
 * The generated module of a bundle's parameter rules, with its do-not-edit header.
 * @example
 * writeFileSync(join(api.client, "parameters.ts"), generateParameters(api.bundle, api.name));
 * @param {string} bundlePath
 * @param {string} apiName
 */
export function generateParameters(bundlePath, apiName) {
  const rules = parameterRules(parse(readFileSync(bundlePath, "utf8")));
  return [
    "// Generated file. Do not edit: it is overwritten and CI fails on drift.",
    `// Made by \`pnpm generate\` (signalwire-pipeline generate-client --api ${apiName}) from the`,
    `// pipeline's apis.json → "${apiName}" bundle: each query and path parameter as its schema constrains it.`,
    "",
    "/** What the spec says of each request parameter's value, by location and name. */",
    `export const PARAMETERS = ${JSON.stringify(rules, null, 2)} as const;`,
    "",
  ].join("\n");
}
