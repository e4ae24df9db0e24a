// @ts-check
// Step 3c: where a bundled SDK spec's responses hold `format: date-time` strings, as plans a
// client walks to turn them into `Date`s.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { resolver, responseSchemas } from "./refs.mjs";

/**
 * Where the dates of one value are: `1` the value itself (`2` where it may be `null`), `[plan]`
 * each item of a list, `{ key: plan }` those properties of an object. Only branches that lead
 * to a date are kept.
 * (Typed one level deep: a JSDoc type alias cannot refer to itself.)
 * @typedef {1 | 2 | unknown[] | Record<string, unknown>} DatePlan
 */

/**
 * The date plan of each response with a date in it, by operation (`"GET /logs"`) and status.
 * The members of a union (`anyOf`, `oneOf`, `allOf`) are merged: a property that is a date in
 * one member and something else with dates in another is an error, as is a date under
 * `additionalProperties` (no plan can name its keys).
 * @example
 * datePlans(parse(readFileSync("spec/dist/voice.sdk.yaml", "utf8")))["GET /logs/{id}/events"]
 * // { "200": { data: [{ event_at: 1 }] } }
 * @param {any} doc a bundled OpenAPI document
 * @returns {Record<string, Record<string, DatePlan>>}
 */
export function datePlans(doc) {
  const resolve = resolver(doc);
  /**
   * @param {any} node
   * @param {string} at where in the document, for errors
   * @param {any[]} stack the schemas being walked, against cycles
   * @returns {DatePlan | undefined}
   */
  const planOf = (node, at, stack) => {
    const schema = resolve(node);
    if (!schema || typeof schema !== "object" || stack.includes(schema)) return undefined;
    const inner = [...stack, schema];
    const date = dateTimeOf(schema);
    if (date) return date === "nullable" ? 2 : 1;
    /** @type {(DatePlan | undefined)[]} */
    const plans = [];
    for (const key of ["anyOf", "oneOf", "allOf"]) {
      for (const [i, member] of (schema[key] ?? []).entries())
        plans.push(planOf(member, `${at}/${key}/${i}`, inner));
    }
    if (schema.items) {
      const items = planOf(schema.items, `${at}/items`, inner);
      if (items !== undefined) plans.push([items]);
    }
    if (schema.properties) {
      /** @type {Record<string, DatePlan>} */
      const properties = {};
      for (const [key, value] of Object.entries(schema.properties)) {
        const plan = planOf(value, `${at}/properties/${key}`, inner);
        if (plan !== undefined) properties[key] = plan;
      }
      if (Object.keys(properties).length) plans.push(properties);
    }
    if (typeof schema.additionalProperties === "object" && planOf(schema.additionalProperties, at, inner))
      throw new Error(`${at}: a date under additionalProperties has no key a plan can name.`);
    return plans.reduce((merged, plan) => merge(merged, plan, at), undefined);
  };
  /** @type {Record<string, Record<string, DatePlan>>} */
  const plans = {};
  for (const [operation, status, schema] of responseSchemas(doc)) {
    const plan = planOf(schema, `${operation} ${status}`, []);
    if (plan !== undefined) plans[operation] = { ...plans[operation], [status]: plan };
  }
  return plans;
}

/**
 * Whether a schema is a `format: date-time` string: `"date"`, `"nullable"` (it may be `null`
 * too), or undefined. One definition for the date plans and the dated types.
 * @example
 * dateTimeOf({ type: ["string", "null"], format: "date-time" }) // "nullable"
 * @param {any} schema
 * @returns {"date" | "nullable" | undefined}
 */
export function dateTimeOf(schema) {
  const types = [schema?.type].flat();
  if (schema?.format !== "date-time" || !types.includes("string")) return undefined;
  return types.includes("null") || schema.nullable === true ? "nullable" : "date";
}

/**
 * Two plans of one value as one.
 * @param {DatePlan | undefined} a
 * @param {DatePlan | undefined} b
 * @param {string} at
 * @returns {DatePlan | undefined}
 */
function merge(a, b, at) {
  if (a === undefined || b === undefined) return a ?? b;
  if (typeof a === "number" && typeof b === "number") return a === 2 || b === 2 ? 2 : 1;
  const plan = (/** @type {unknown} */ value) => /** @type {DatePlan | undefined} */ (value);
  if (Array.isArray(a) && Array.isArray(b)) return [merge(plan(a[0]), plan(b[0]), at)];
  if (typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    /** @type {Record<string, unknown>} */
    const merged = { ...a };
    for (const [key, inner] of Object.entries(b))
      merged[key] = merge(plan(merged[key]), plan(inner), `${at}/${key}`);
    return merged;
  }
  throw new Error(`${at}: a date in one member of a union is a list or an object in another.`);
}

/**
 * The generated module of a bundle's date plans, with its do-not-edit header.
 * @example
 * writeFileSync(join(api.contract, "dates.ts"), generateDates(api.bundle, api.name));
 * @param {string} bundlePath
 * @param {string} apiName
 */
export function generateDates(bundlePath, apiName) {
  const plans = datePlans(parse(readFileSync(bundlePath, "utf8")));
  return [
    "// Generated file. Do not edit: it is overwritten and CI fails on drift.",
    `// Made by \`pnpm generate\` (signalwire-pipeline generate --api ${apiName}) from the`,
    `// pipeline's apis.json → "${apiName}" bundle: where each response holds \`format: date-time\` strings.`,
    "",
    "/** Per operation and status: `1` a date (`2` a date or `null`), `[plan]` each item, `{ key: plan }` those properties. */",
    `export const DATES = ${JSON.stringify(plans, null, 2)} as const;`,
    "",
  ].join("\n");
}
