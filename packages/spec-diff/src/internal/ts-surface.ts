import { isDeepStrictEqual } from "node:util";
import { joinPointer } from "./json-pointer.js";
import { isObject, type Json, type JsonObject } from "./parsed-spec.js";
import type { Classified } from "./rules/rule.js";

// The component sections openapi-typescript turns into `components[section][name]` types.
// (securitySchemes, examples, links and callbacks produce no type.)
const typedSections = ["schemas", "responses", "parameters", "requestBodies", "headers", "pathItems"];

/**
 * Changes to the generated TypeScript that the wire does not see, so the engine rates them
 * low or not at all: a component that disappears or is renamed (code that names
 * `components["schemas"]["X"]` stops compiling) and a component that appears (a new type).
 */
export function componentChanges(base: JsonObject, head: JsonObject): Classified[] {
  const changes: Classified[] = [];
  for (const section of typedSections) {
    const before = sectionOf(base, section);
    const after = sectionOf(head, section);
    const removed = Object.keys(before).filter((name) => !(name in after));
    const added = new Set(Object.keys(after).filter((name) => !(name in before)));
    const noun = section === "schemas" ? "Schema" : `Component \`${section}\``;
    for (const name of removed) {
      const renamedTo = [...added].find((candidate) => sameShape(before[name], after[candidate]));
      if (renamedTo !== undefined) {
        added.delete(renamedTo);
        changes.push({
          severity: "major",
          kind: "component-renamed",
          message: `${noun} \`${name}\` was renamed to \`${renamedTo}\`: TypeScript code that names \`components["${section}"]["${name}"]\` no longer compiles.`,
          side: "head",
          pointer: joinPointer(["components", section, renamedTo]),
          directions: [],
        });
        continue;
      }
      changes.push({
        severity: "major",
        kind: "component-removed",
        message: `${noun} \`${name}\` was removed: TypeScript code that names \`components["${section}"]["${name}"]\` no longer compiles.`,
        side: "base",
        pointer: joinPointer(["components", section, name]),
        directions: [],
      });
    }
    for (const name of added) {
      changes.push({
        severity: "minor",
        kind: "component-added",
        message: `${noun} \`${name}\` was added: a new type, \`components["${section}"]["${name}"]\`.`,
        side: "head",
        pointer: joinPointer(["components", section, name]),
        directions: [],
      });
    }
  }
  return changes;
}

function sectionOf(doc: JsonObject, section: string): JsonObject {
  const components = doc.components;
  const found = isObject(components) ? components[section] : undefined;
  return isObject(found) ? found : {};
}

/** A rename keeps the content; a `title` naming the old component may follow the rename. */
function sameShape(a: Json | undefined, b: Json | undefined): boolean {
  const strip = (schema: Json | undefined) => {
    if (!isObject(schema)) return schema;
    const { title: _title, ...rest } = schema;
    return rest;
  };
  return isDeepStrictEqual(strip(a), strip(b));
}
