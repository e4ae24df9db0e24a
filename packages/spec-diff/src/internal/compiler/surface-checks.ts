import { isDeepStrictEqual } from "node:util";
import { componentDirections } from "../directions.js";
import { joinPointer } from "../json-pointer.js";
import { isObject, type JsonObject } from "../parsed-spec.js";
import type { PlannedCheck } from "./checker-source.js";
import type { OperationShape } from "./operation-inventory.js";

// The component sections openapi-typescript turns into `components[section][name]` types.
const typedSections = ["schemas", "responses", "parameters", "requestBodies", "headers", "pathItems"];

/**
 * A check for every schema whose definition differs between the sides, in the direction(s)
 * operations use it (both when none does: code may name it either way).
 *
 * @example
 * ```ts
 * schemaChecks(base, head); // [{ subject: 'components["schemas"]["Log"]', target: "schema", flow: "response", ... }]
 * ```
 */
export function schemaChecks(base: JsonObject, head: JsonObject): PlannedCheck[] {
  const before = section(base, "schemas");
  const after = section(head, "schemas");
  const reached = [componentDirections(base), componentDirections(head)];
  const checks: PlannedCheck[] = [];
  for (const [name, schema] of Object.entries(before)) {
    if (!(name in after) || isDeepStrictEqual(schema, after[name])) continue;
    const pointer = joinPointer(["components", "schemas", name]);
    const directions = new Set(reached.flatMap((map) => [...(map.get(pointer) ?? [])]));
    const flow = directions.size === 1 ? ([...directions][0] ?? "both") : "both";
    const at = `["schemas"][${JSON.stringify(name)}]`;
    checks.push({
      subject: componentName("schemas", name),
      target: "schema",
      flow,
      old: `BC${at}`,
      new: `HC${at}`,
    });
  }
  return checks;
}

/**
 * The base module's exported names, each to be looked up in the head's: components,
 * operations (by operationId) and paths. A section the head has none of is typed `never`
 * there, which any key indexes, so those names are removed without asking.
 *
 * @example
 * ```ts
 * const { checked, removed } = exportedNames(base, head, inventories);
 * ```
 */
export function exportedNames(
  base: JsonObject,
  head: JsonObject,
  inventories: { base: Map<string, OperationShape>; head: Map<string, OperationShape> },
): { checked: PlannedCheck[]; removed: string[] } {
  const checked: PlannedCheck[] = [];
  const removed: string[] = [];
  const ask = (name: string, headType: string, headHasAny: boolean) => {
    if (headHasAny) checked.push({ subject: name, target: "name", flow: "name", old: "", new: headType });
    else removed.push(name);
  };
  for (const kind of typedSections) {
    const headHasAny = Object.keys(section(head, kind)).length > 0;
    for (const name of Object.keys(section(base, kind))) {
      ask(componentName(kind, name), `HC[${JSON.stringify(kind)}][${JSON.stringify(name)}]`, headHasAny);
    }
  }
  const ids = (inventory: Map<string, OperationShape>) =>
    [...inventory.values()].flatMap((operation) => (operation.operationId ? [operation.operationId] : []));
  const headIds = ids(inventories.head).length > 0;
  for (const id of new Set(ids(inventories.base))) {
    ask(`operations[${JSON.stringify(id)}]`, `HO[${JSON.stringify(id)}]`, headIds);
  }
  const pathsOf = (doc: JsonObject) => (isObject(doc.paths) ? doc.paths : {});
  const headPaths = Object.keys(pathsOf(head)).length > 0;
  for (const path of Object.keys(pathsOf(base))) {
    ask(`paths[${JSON.stringify(path)}]`, `HP[${JSON.stringify(path)}]`, headPaths);
  }
  return { checked, removed };
}

/**
 * How TypeScript code names a component.
 *
 * @example
 * ```ts
 * componentName("schemas", "Log"); // 'components["schemas"]["Log"]'
 * ```
 */
export const componentName = (kind: string, name: string) =>
  `components[${JSON.stringify(kind)}][${JSON.stringify(name)}]`;

function section(doc: JsonObject, kind: string): JsonObject {
  const components = doc.components;
  const found = isObject(components) ? components[kind] : undefined;
  return isObject(found) ? found : {};
}
