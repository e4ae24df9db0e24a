import { isDeepStrictEqual } from "node:util";
import type { Severity } from "../../report.js";
import { describePlainChange } from "../describe-change.js";
import { listOf } from "../values.js";
import { inResponse, lastTwo, type RuleInput, type Verdict } from "./rule.js";

// What shapes a type openapi-typescript generates: removing or changing one changes the type.
const typeKeywords = new Set([
  "schema",
  "discriminator",
  "items",
  "prefixItems",
  "properties",
  "additionalProperties",
  "patternProperties",
  "type",
  "enum",
  "const",
  "oneOf",
  "anyOf",
  "allOf",
  "required",
  "nullable",
  "$ref",
]);
const typeNodes = new Set(["Schema", "SchemaProperties", "Discriminator", "DiscriminatorMapping"]);

/**
 * The last rule, for a change no other rule rated (documentation was rated before it):
 * - added: new surface, minor;
 * - removed: major. A keyword that shaped a generated type (a response's `schema`, `items`, a
 *   `discriminator`...) changes or erases that type; anything else that reached a response is
 *   gone for the code that reads it; and a removal no rule calls safe is not assumed to be;
 * - modified: a keyword that shapes the type is at least minor (a patch leaves the generated
 *   types as they were: code written against them also compiles against the previous
 *   release); anything else keeps the engine's rating.
 */
export function fallback(input: RuleInput): Verdict {
  const { change } = input;
  const { kind, message } = describePlainChange(change, input.doc);
  const rate = (severity: Severity, why: string): Verdict => ({
    severity,
    kind,
    message: `${message.replace(/\.$/, "")}; ${why}.`,
  });
  if (change.kind === "added") return { severity: "minor", kind, message };
  // A removed node has no `property`: its key and type name say what it was.
  const keyword = change.property ?? lastTwo(input)[1] ?? "";
  const shapesType = typeKeywords.has(keyword) || (!change.property && typeNodes.has(change.typeName));
  if (change.kind === "removed") {
    if (keyword === "schema") {
      const who = inResponse(input)
        ? "TypeScript code that reads it no longer compiles"
        : "the types no longer say what to send";
      return rate("major", `its generated type becomes \`unknown\`: ${who}`);
    }
    if (shapesType)
      return rate(
        "major",
        "its generated TypeScript type changes, so code written against it may not compile",
      );
    return rate(
      "major",
      inResponse(input) ? "code that reads it no longer gets it" : "no rule says its removal is safe",
    );
  }
  if (shapesType && change.impact === "patch" && !sameMembers(change.base?.value, change.revision?.value)) {
    return rate(
      "minor",
      "the generated TypeScript type changes (compatibly), so code written against it needs this release",
    );
  }
  return { severity: change.impact, kind, message };
}

/** Two lists with the same members in another order (the generated union is the same). */
function sameMembers(before: unknown, after: unknown): boolean {
  if (!Array.isArray(before) || !Array.isArray(after)) return isDeepStrictEqual(before, after);
  return isDeepStrictEqual(listOf(before).sort(), listOf(after).sort());
}
