import { getAt, splitPointer } from "./json-pointer.js";
import { isObject, type Json, type JsonObject } from "./parsed-spec.js";

/**
 * Says in words where the engine met a node, e.g. `GET /logs, 200 response, \`data[].url\``
 * or `POST /calls, request body, \`device\``, from its path (which follows `$ref`s).
 */
export function describeWhere(
  doc: JsonObject,
  path: string,
  { field: fieldMode = "full" }: { field?: "full" | "parent" | "none" } = {},
): string {
  const segments = splitPointer(path);
  const parts: string[] = [];
  let rest = segments;
  if (segments[0] === "paths" && segments[1] !== undefined) {
    const method = segments[2];
    const isMethod = method !== undefined && /^(get|put|post|delete|options|head|patch|trace)$/.test(method);
    parts.push(isMethod ? `${method.toUpperCase()} ${segments[1]}` : `path ${segments[1]}`);
    rest = segments.slice(isMethod ? 3 : 2);
    const [area, key] = rest;
    if (area === "requestBody") parts.push("request body");
    if (area === "responses" && key !== undefined) parts.push(`${key} response`);
    if (area === "parameters" && key !== undefined && rest.length > 2) {
      parts.push(parameterName(doc, segments.slice(0, segments.indexOf("parameters") + 2)));
    }
  } else if (segments[0] === "components" && segments[2] !== undefined) {
    parts.push(`${singular(segments[1] ?? "component")} \`${segments[2]}\``);
    rest = segments.slice(3);
  } else if (segments[0] !== undefined && segments[0] !== "components") {
    parts.push(segments[0]);
  }
  const field = fieldMode === "none" ? "" : fieldPath(fieldMode === "full" ? rest : rest.slice(0, -2));
  if (field) parts.push(`\`${field}\``);
  return parts.join(", ");
}

/** `query parameter \`page_size\`` for the parameter at `segments` (following a `$ref`). */
export function parameterName(doc: JsonObject, segments: string[]): string {
  const parameter = deref(doc, getAt(doc, segments));
  if (!isObject(parameter)) return "a parameter";
  return `${String(parameter.in ?? "")} parameter \`${String(parameter.name ?? "?")}\``.trim();
}

/** Properties and items along a path, as a reader writes them: `data[].url`. */
export function fieldPath(segments: readonly string[]): string {
  let field = "";
  for (const [index, segment] of segments.entries()) {
    const previous = segments[index - 1];
    if (previous === "properties") field += field ? `.${segment}` : segment;
    else if (segment === "items" && previous !== "properties") field += "[]";
  }
  return field.replace(/^\[\]/, "");
}

/** A short, readable rendering of a value from the spec: `'string'`, `5`, `[a, b]`. */
export function show(value: unknown): string {
  if (value === undefined) return "(none)";
  if (typeof value === "string") return `'${value.length > 60 ? `${value.slice(0, 57)}...` : value}'`;
  if (Array.isArray(value) && value.every((item) => typeof item !== "object")) return `[${value.join(", ")}]`;
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function deref(doc: JsonObject, node: Json | undefined): Json | undefined {
  let current = node;
  for (let hops = 0; isObject(current) && typeof current.$ref === "string" && hops < 32; hops += 1) {
    current = getAt(doc, splitPointer(current.$ref));
  }
  return current;
}

const singular = (section: string) =>
  ({
    schemas: "schema",
    parameters: "parameter",
    responses: "response",
    requestBodies: "request body",
    headers: "header",
    securitySchemes: "security scheme",
    pathItems: "path item",
    examples: "example",
  })[section] ?? section;
