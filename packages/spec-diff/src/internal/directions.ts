import type { Direction } from "../report.js";
import { getAt, joinPointer, splitPointer } from "./json-pointer.js";
import { isObject, type Json, type JsonObject } from "./parsed-spec.js";
import { valueKeys } from "./values.js";

/** The HTTP methods a path item may hold an operation under. */
export const HTTP_METHODS: ReadonlySet<string> = new Set([
  "get",
  "put",
  "post",
  "delete",
  "options",
  "head",
  "patch",
  "trace",
]);

/** `#/components/schemas/Log/properties/id` → `#/components/schemas/Log`; undefined outside components. */
export function componentOf(pointer: string): string | undefined {
  const segments = splitPointer(pointer);
  return segments[0] === "components" && segments.length >= 3 ? joinPointer(segments.slice(0, 3)) : undefined;
}

/**
 * For every component an operation reaches through `$ref`s: whether callers send it (request:
 * parameters, request bodies), receive it (responses), or both. A schema shared by a request
 * and a response is held to the stricter rule of each.
 */
export function componentDirections(doc: JsonObject): Map<string, Set<Direction>> {
  const reached = new Map<string, Set<Direction>>();
  const visit = (node: Json | undefined, direction: Direction): void => {
    if (Array.isArray(node)) for (const item of node) visit(item, direction);
    if (!isObject(node)) return;
    const ref = node.$ref;
    if (typeof ref === "string" && ref.startsWith("#/")) {
      const component = componentOf(ref);
      if (component) {
        const seen = reached.get(component) ?? new Set<Direction>();
        reached.set(component, seen);
        if (seen.has(direction)) return;
        seen.add(direction);
      }
      visit(getAt(doc, splitPointer(ref)), direction);
    }
    for (const [key, value] of Object.entries(node)) if (!valueKeys.has(key)) visit(value, direction);
  };
  for (const { item, operation } of operations(doc)) {
    visit(item.parameters, "request");
    visit(operation.parameters, "request");
    visit(operation.requestBody, "request");
    visit(operation.responses, "response");
  }
  return reached;
}

/**
 * The directions of a node, from where it is defined: those of the component it sits in
 * (every way an operation reaches it), else of the operation part it is written in.
 */
export function directionsAt(reached: Map<string, Set<Direction>>, pointer: string): Direction[] {
  const owner = componentOf(pointer);
  if (owner) {
    const seen = reached.get(owner);
    if (seen && seen.size > 0) return [...seen].sort();
    // A schema no operation uses is still a type in the package: hold it to both rules.
    return /^#\/components\/(schemas|parameters|requestBodies|responses|headers)\//.test(owner)
      ? ["request", "response"]
      : [];
  }
  const segments = splitPointer(pointer);
  if (segments[0] !== "paths") return [];
  const area = segments[2] === "parameters" ? "parameters" : segments[3];
  if (area === "parameters" || area === "requestBody") return ["request"];
  return area === "responses" ? ["response"] : [];
}

/** Every operation of the document, with its path item (for path-level parameters). */
export function* operations(doc: JsonObject): Generator<{
  path: string;
  method: string;
  item: JsonObject;
  operation: JsonObject;
}> {
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const item =
      isObject(rawItem) && typeof rawItem.$ref === "string"
        ? getAt(doc, splitPointer(rawItem.$ref))
        : rawItem;
    if (!isObject(item)) continue;
    for (const [method, operation] of Object.entries(item)) {
      if (HTTP_METHODS.has(method) && isObject(operation)) yield { path, method, item, operation };
    }
  }
}
