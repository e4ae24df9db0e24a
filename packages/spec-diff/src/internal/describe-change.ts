import { describeWhere, parameterName, show } from "./describe.js";
import { joinPointer, splitPointer } from "./json-pointer.js";
import { isObject, type JsonObject } from "./parsed-spec.js";
import type { EngineChange } from "./redocly-diff.js";

/**
 * A stable id and a plain-words line for a change no engine rule fired on, e.g.
 * `parameter-added`: "GET /logs: query parameter `since` was added."
 */
export function describePlainChange(
  change: EngineChange,
  doc: JsonObject,
): { kind: string; message: string } {
  const segments = splitPointer(change.path);
  const last = segments.at(-1) ?? "";
  const parent = segments.at(-2);
  const noun = nounFor(change, doc, segments);
  if (change.kind === "modified") {
    const property = change.property ?? "value";
    const where = describeWhere(doc, change.path);
    const what = `\`${property}\` changed from ${show(change.base?.value)} to ${show(change.revision?.value)}`;
    // "-modified", not "-changed": redocly's rule ids end in "-changed" and mean breaking.
    const kind = `${kebab(change.typeName)}-${kebab(property)}-modified`;
    return { kind, message: where ? `${where}: ${what}.` : `${capitalize(what)}.` };
  }
  const kind = `${parent === "properties" ? "property" : /^(oneOf|anyOf)$/.test(parent ?? "") ? "variant" : kebab(change.typeName)}-${change.kind}`;
  // Say where the container is, not the node itself: "GET /logs: query parameter `x` was added."
  const container = segments.slice(0, containers.has(parent ?? "") || /^\d+$/.test(last) ? -2 : -1);
  const where = describeWhere(doc, joinPointer(container));
  const verb = change.kind === "added" ? "was added" : "was removed";
  return { kind, message: where ? `${where}: ${noun} ${verb}.` : `${capitalize(noun)} ${verb}.` };
}

const containers = new Set([
  "paths",
  "properties",
  "parameters",
  "responses",
  "content",
  "headers",
  "servers",
  "security",
  "oneOf",
  "anyOf",
  "allOf",
  "schemas",
  "securitySchemes",
  "examples",
  "tags",
]);

function nounFor(change: EngineChange, doc: JsonObject, segments: string[]): string {
  const last = segments.at(-1) ?? "";
  const parent = segments.at(-2);
  const value = (change.kind === "removed" ? change.base?.value : change.revision?.value) as unknown;
  if (parent === "properties") return `property \`${last}\``;
  if (parent === "oneOf" || parent === "anyOf") return `a \`${parent}\` variant`;
  switch (change.typeName) {
    case "Parameter":
      return isObject(value)
        ? `${String(value.in)} parameter \`${String(value.name)}\``
        : parameterName(doc, segments);
    case "Response":
      return `response \`${last}\``;
    case "MediaType":
      return `media type \`${last}\``;
    case "PathItem":
      return `path \`${last}\``;
    case "Operation":
      return `operation ${last.toUpperCase()} ${segments.at(-2) ?? ""}`;
    case "Server":
      return isObject(value) && typeof value.url === "string" ? `server \`${value.url}\`` : "a server";
    case "SecurityRequirement":
      return isObject(value)
        ? `security requirement \`${Object.keys(value).join(" + ") || "none"}\``
        : "a security requirement";
    case "SecurityScheme":
      return `security scheme \`${last}\``;
    case "RequestBody":
      return "the request body";
    case "Header":
      return `header \`${last}\``;
    case "Tag":
      return isObject(value) && typeof value.name === "string" ? `tag \`${value.name}\`` : "a tag";
    default:
      return /^\d+$/.test(last) ? `an entry of \`${parent}\`` : `\`${last}\``;
  }
}

export const kebab = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/[^a-zA-Z0-9]+/g, "-")
    .toLowerCase();

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
