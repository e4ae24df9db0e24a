import { isDeepStrictEqual } from "node:util";
import { getAt, joinPointer, splitPointer } from "../json-pointer.js";
import { isObject, type Json, type JsonObject } from "../parsed-spec.js";
import type { Classified, RuleInput, Verdict } from "./rule.js";
import { where } from "./rule.js";

/**
 * An operation that drops its own `security` falls back to the root's (and one that adds it
 * overrides the root): compare what is in force, which the engine does not.
 */
export function securityFallback(input: RuleInput): Verdict | undefined {
  const segments = splitPointer(input.change.path);
  if (
    input.change.typeName !== "SecurityRequirementList" ||
    segments[0] !== "paths" ||
    segments.length !== 4
  ) {
    return undefined;
  }
  const before = allowsAnonymous(input.base, segments.slice(0, 3));
  const after = allowsAnonymous(input.head, segments.slice(0, 3));
  if (before === after) return undefined;
  return after
    ? {
        severity: "minor",
        kind: "security-requirement-relaxed",
        message: `${where(input)}: no longer requires authentication.`,
      }
    : {
        severity: "major",
        kind: "security-requirement-changed",
        message: `${where(input)}: now requires authentication; anonymous calls are rejected.`,
      };
}

/**
 * An HTTP security scheme's `scheme` respelled in another letter case (`basic` → `Basic`):
 * HTTP authentication scheme names are case-insensitive tokens (RFC 9110, section 11.1), so
 * clients send the same `Authorization` header and servers accept it; openapi-typescript
 * generates no type for a security scheme. Only this token is compared that way: names a
 * document defines (properties, parameters, schemes' own keys) are compared exactly.
 */
export function schemeTokenRespelled(input: RuleInput): Verdict | undefined {
  const { change } = input;
  const before = change.base?.value;
  const after = change.revision?.value;
  if (change.typeName !== "SecurityScheme" || change.property !== "scheme") return undefined;
  if (typeof before !== "string" || typeof after !== "string" || before === after) return undefined;
  if (before.toLowerCase() !== after.toLowerCase()) return undefined;
  const name = splitPointer(change.path).at(-1) ?? "?";
  return {
    severity: "patch",
    kind: "security-scheme-token-respelled",
    message: `Security scheme \`${name}\`: \`scheme\` is now spelled '${after}' instead of '${before}'; HTTP scheme names are case-insensitive, so the same \`Authorization\` header is sent.`,
  };
}

/**
 * A security scheme renamed with the same definition asks for the same credentials, and
 * openapi-typescript emits no type for it: the engine's "scheme removed / requirement
 * changed" verdicts about it are dropped, and `renamedSchemeChanges` reports one patch.
 */
export function securityRename(input: RuleInput): Verdict | undefined {
  const renames = securityRenames(input.base, input.head);
  if (renames.size === 0) return undefined;
  const segments = splitPointer(input.change.path);
  if (segments[0] === "components" && segments[1] === "securitySchemes" && segments.length === 3) {
    const name = segments[2] ?? "";
    const renamed =
      input.change.kind === "removed" ? renames.has(name) : [...renames.values()].includes(name);
    return renamed ? "drop" : undefined;
  }
  const at = segments.lastIndexOf("security");
  if (at === -1) return undefined;
  const list = segments.slice(0, at + 1);
  const before = getAt(input.base, list);
  const after = getAt(input.head, list);
  return Array.isArray(before) && Array.isArray(after) && sameRequirements(before, after, renames)
    ? "drop"
    : undefined;
}

export function renamedSchemeChanges(base: JsonObject, head: JsonObject): Classified[] {
  return [...securityRenames(base, head)].map(([from, to]) => ({
    severity: "patch",
    kind: "security-scheme-renamed",
    message: `Security scheme \`${from}\` was renamed to \`${to}\`; it asks for the same credentials.`,
    side: "head",
    pointer: joinPointer(["components", "securitySchemes", to]),
    directions: [],
  }));
}

const cache = new WeakMap<JsonObject, Map<string, string>>();

/** Removed scheme name → added scheme name, for schemes whose definitions are equal. */
function securityRenames(base: JsonObject, head: JsonObject): Map<string, string> {
  const cached = cache.get(head);
  if (cached) return cached;
  const before = schemes(base);
  const after = schemes(head);
  const renames = new Map<string, string>();
  for (const [name, scheme] of Object.entries(before)) {
    if (name in after) continue;
    const target = Object.keys(after).find(
      (candidate) =>
        !(candidate in before) && isDeepStrictEqual(definition(scheme), definition(after[candidate])),
    );
    if (target) renames.set(name, target);
  }
  cache.set(head, renames);
  return renames;
}

function sameRequirements(before: Json[], after: Json[], renames: Map<string, string>): boolean {
  const rename = (item: Json) =>
    isObject(item)
      ? Object.fromEntries(Object.entries(item).map(([name, scopes]) => [renames.get(name) ?? name, scopes]))
      : item;
  return isDeepStrictEqual(before.map(rename), after);
}

function schemes(doc: JsonObject): JsonObject {
  const found = isObject(doc.components) ? doc.components.securitySchemes : undefined;
  return isObject(found) ? found : {};
}

/** What a scheme asks for, without its words. */
function definition(scheme: Json | undefined): Json | undefined {
  if (!isObject(scheme)) return scheme;
  return Object.fromEntries(
    Object.entries(scheme).filter(([key]) => key !== "description" && !key.startsWith("x-")),
  );
}

/** Whether the operation at `segments` can be called without credentials (its own `security`, else the root's). */
function allowsAnonymous(doc: JsonObject, segments: string[]): boolean {
  const operation = getAt(doc, segments);
  const effective = (isObject(operation) ? operation.security : undefined) ?? doc.security;
  return (
    !Array.isArray(effective) ||
    effective.length === 0 ||
    effective.some((item) => isObject(item) && Object.keys(item).length === 0)
  );
}
