import type { Direction } from "../../report.js";
import { deref } from "../describe.js";
import { HTTP_METHODS } from "../directions.js";
import { getAt, joinPointer, splitPointer } from "../json-pointer.js";
import { isObject, type JsonObject } from "../parsed-spec.js";
import type { OperationShape } from "./operation-inventory.js";
import { componentName } from "./surface-checks.js";

/** Separates a subject from the part of it a change is in: `GET /logs › query`. */
export const PART = " › ";

/**
 * What the compiler judged that a rule's change reaches, by the names the compiler's answer
 * uses, narrowed to a part where the change is in one: `GET /logs › query`, `GET /logs › 200`,
 * `GET /logs › requestBody`; for a change in a component, the component
 * (`components["schemas"]["Log"]`) and every operation that uses it on either side, on the
 * change's side of the call (`GET /logs › response`). An operation's removed names
 * (`operations["id"]`, `paths["/logs"]`) come with it.
 *
 * @example
 * ```ts
 * changeSubjects({ pointer: "#/components/schemas/Log/properties/id", side: "head", directions: ["response"] }, inventories, docs);
 * // ['components["schemas"]["Log"]', "GET /logs › response", 'operations["list_logs"]']
 * ```
 */
export function changeSubjects(
  change: { pointer: string; side: "base" | "head"; directions: readonly Direction[] },
  inventories: { base: Map<string, OperationShape>; head: Map<string, OperationShape> },
  docs: { base: JsonObject; head: JsonObject },
): string[] {
  const segments = splitPointer(change.pointer);
  const [root, first, second, third, fourth] = segments;
  const all = [...inventories.base.values(), ...inventories.head.values()];
  const subjects = new Set<string>();
  const addOperation = (operation: OperationShape, part: string | undefined) => {
    subjects.add(part ? `${operation.key}${PART}${part}` : operation.key);
    // Its operationId names the whole operation: only a change of the whole can remove it.
    if (!part && operation.operationId) subjects.add(`operations[${JSON.stringify(operation.operationId)}]`);
  };
  const side = docs[change.side];
  const parameterIn = (at: string[]) => {
    const found = deref(side, getAt(side, at));
    return isObject(found) && typeof found.in === "string" ? found.in : undefined;
  };
  if ((root === "paths" || root === "webhooks") && first !== undefined) {
    if (root === "paths") subjects.add(`paths[${JSON.stringify(first)}]`);
    const method = second !== undefined && HTTP_METHODS.has(second) ? second : undefined;
    const area = method ? third : second;
    const index = method ? fourth : third;
    let part: string | undefined;
    if (area === "parameters") {
      const at = segments.slice(0, segments.indexOf("parameters") + 2);
      part = (index !== undefined && parameterIn(at)) || "request";
    } else if (area === "requestBody") part = "requestBody";
    else if (area === "responses") part = method ? fourth : undefined;
    for (const operation of all) {
      if (
        operation.root === root &&
        operation.path === first &&
        (method === undefined || operation.method === method)
      ) {
        addOperation(operation, part);
      }
    }
  }
  if (root === "components" && first !== undefined && second !== undefined) {
    subjects.add(componentName(first, second));
    const component = joinPointer(["components", first, second]);
    // A parameter component is in one location; anything else is on the change's side of the call.
    const part =
      (first === "parameters" && parameterIn(segments.slice(0, 3))) ||
      (change.directions.length === 1 ? change.directions[0] : "both");
    for (const operation of all) if (operation.components.has(component)) addOperation(operation, part);
  }
  return [...subjects];
}

/**
 * Where a subject of the compiler's answer is in the specs: an operation, schema or path in the
 * head (in the base when it is gone), for a change only the compiler found.
 *
 * @example
 * ```ts
 * subjectPointer('components["schemas"]["Log"]', inventories, true); // { side: "base", pointer: "#/components/schemas/Log" }
 * ```
 */
export function subjectPointer(
  subject: string,
  inventories: { base: Map<string, OperationShape>; head: Map<string, OperationShape> },
  removed: boolean,
): { side: "base" | "head"; pointer: string } {
  const side = removed ? "base" : "head";
  const operation = inventories.head.get(subject) ?? inventories.base.get(subject);
  if (operation) return { side: inventories.head.has(subject) ? "head" : "base", pointer: operation.pointer };
  const [root, ...keys] = nameParts(subject);
  if (root === "components") return { side, pointer: joinPointer(["components", ...keys]) };
  if (root === "paths") return { side, pointer: joinPointer(["paths", ...keys]) };
  const byId = [...inventories.base.values()].find((shape) => shape.operationId === keys[0]);
  return { side: "base", pointer: byId?.pointer ?? "#/paths" };
}

/**
 * The operations that use a component, by the name TypeScript code gives it.
 *
 * @example
 * ```ts
 * operationsUsing('components["schemas"]["Log"]', inventories); // ["GET /logs", "GET /logs/{id}"]
 * ```
 */
export function operationsUsing(
  name: string,
  inventories: { base: Map<string, OperationShape>; head: Map<string, OperationShape> },
): string[] {
  const [root, ...keys] = nameParts(name);
  if (root !== "components" || keys.length !== 2) return [];
  const component = joinPointer(["components", ...keys]);
  const using = [...inventories.base.values(), ...inventories.head.values()].filter((operation) =>
    operation.components.has(component),
  );
  return [...new Set(using.map((operation) => operation.key))];
}

/** `components["schemas"]["Log"]` → ["components", "schemas", "Log"]; [] for an operation key. */
function nameParts(name: string): string[] {
  const match = /^(components|operations|paths)(\[.*\])$/.exec(name);
  if (!match?.[1] || !match[2]) return [];
  return [match[1], ...(JSON.parse(match[2].replace(/"\]\["/g, '","')) as string[])];
}
