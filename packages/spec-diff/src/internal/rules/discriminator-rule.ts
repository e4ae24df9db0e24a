import { componentDirections, directionsAt } from "../directions.js";
import { getAt, splitPointer } from "../json-pointer.js";
import { isObject } from "../parsed-spec.js";
import { inRequest, type RuleInput, type Verdict, where } from "./rule.js";

/**
 * A `discriminator` makes openapi-typescript give every variant it maps a required literal
 * property (`kind: "phone"`), in the variant's own type, wherever it is used. Removing or
 * changing it takes those literals away, so `switch (x.kind)` no longer narrows (major).
 * Adding one is new precision for readers (minor), but callers that build a variant in a
 * request must now set the literal (major).
 */
export function discriminatorChanged(input: RuleInput): Verdict | undefined {
  const { change } = input;
  const onIt = splitPointer(change.path).at(-1) === "discriminator";
  if (!onIt && change.typeName !== "Discriminator" && change.typeName !== "DiscriminatorMapping")
    return undefined;
  const place = where(input).replace(/^$/, "schema");
  const name = propertyName(input) ?? "its property";
  if (change.kind === "added" && onIt && !variantsInRequest(input)) {
    return {
      severity: "minor",
      kind: "discriminator-added",
      message: `${place}: a \`discriminator\` on \`${name}\` was added; its variants get literal \`${name}\` types.`,
    };
  }
  const what =
    change.kind === "added"
      ? `a \`discriminator\` on \`${name}\` was added; TypeScript callers that send a variant must now set its literal \`${name}\``
      : `the \`discriminator\` ${change.kind === "removed" ? "was removed" : "changed"}; the variants' literal \`${name}\` types change, so TypeScript code that switches on \`${name}\` no longer compiles`;
  return {
    severity: "major",
    kind: `discriminator-${change.kind === "modified" ? "changed" : change.kind}`,
    message: `${place}: ${what}.`,
  };
}

function propertyName(input: RuleInput): string | undefined {
  for (const value of [input.change.base?.value, input.change.revision?.value]) {
    if (typeof value === "string" && input.change.property === "propertyName") return value;
    if (isObject(value) && typeof value.propertyName === "string") return value.propertyName;
  }
  return undefined;
}

/** Whether a request reaches the discriminator or any variant it gives a literal to. */
function variantsInRequest(input: RuleInput): boolean {
  if (inRequest(input)) return true;
  const pointer = splitPointer(input.change.revision?.pointer ?? input.change.path);
  const owner = getAt(input.doc, pointer.slice(0, -1));
  const discriminator = input.change.revision?.value;
  const refs = [
    ...(isObject(discriminator) && isObject(discriminator.mapping)
      ? Object.values(discriminator.mapping)
      : []),
    ...(isObject(owner) ? [owner.oneOf, owner.anyOf].flat() : []).map((item) =>
      isObject(item) ? item.$ref : undefined,
    ),
  ].filter((ref): ref is string => typeof ref === "string" && ref.startsWith("#/"));
  const reached = componentDirections(input.doc);
  return refs.some((ref) => directionsAt(reached, ref).includes("request"));
}
