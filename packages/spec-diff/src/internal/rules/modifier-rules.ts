import { getAt, splitPointer } from "../json-pointer.js";
import { isObject } from "../parsed-spec.js";
import { listOf } from "../values.js";
import { inRequest, inResponse, type RuleInput, type Verdict, where } from "./rule.js";

/**
 * openapi-typescript (its `defaultNonNullable`, on by default) makes a property with a
 * `default` required in the generated type, except where it is written inline under a
 * parameter or request body. So adding one makes TypeScript callers that send the type set
 * it (major in a request), and removing one makes readers handle `undefined` (major in a
 * response); the other direction is a compatible change of the type (minor).
 */
export function defaultPresenceChanged(input: RuleInput): Verdict | undefined {
  const { change } = input;
  const added = change.base?.value === undefined;
  if (change.property !== "default" || added === (change.revision?.value === undefined)) return undefined;
  const property = propertyOf(input);
  if (!property || property.defined.some((part) => inline.has(part)) || property.required) return undefined;
  const breaks = added ? inRequest(input) : inResponse(input);
  const what = added
    ? `got a default, which makes it required in the generated type${breaks ? "; TypeScript callers that leave it out no longer compile" : ""}`
    : `lost its default, which makes it optional in the generated type${breaks ? "; TypeScript code that reads it must now handle `undefined`" : ""}`;
  return {
    severity: breaks ? "major" : "minor",
    kind: added ? "default-added" : "default-removed",
    message: `${where(input)}: ${what}.`,
  };
}

/** `readOnly: true` makes a generated property `readonly`: code that assigns it no longer compiles. */
export function readOnlyChanged(input: RuleInput): Verdict | undefined {
  const { change } = input;
  const now = change.revision?.value === true;
  if (change.property !== "readOnly" || now === (change.base?.value === true) || !propertyOf(input)) {
    return undefined;
  }
  return now
    ? {
        severity: "major",
        kind: "became-read-only",
        message: `${where(input)}: became read-only (\`readonly\` in the generated type); TypeScript code that assigns it no longer compiles.`,
      }
    : {
        severity: "minor",
        kind: "no-longer-read-only",
        message: `${where(input)}: is no longer read-only; the generated property can be assigned.`,
      };
}

const inline = new Set(["parameters", "requestBody", "requestBodies"]);

/** The object property a schema keyword change is on (where it is defined), if it is on one. */
function propertyOf(input: RuleInput): { defined: string[]; required: boolean } | undefined {
  const { change } = input;
  if (change.typeName !== "Schema") return undefined;
  const defined = splitPointer(change.revision?.pointer ?? change.base?.pointer ?? change.path);
  if (defined.at(-1) === change.property) defined.pop();
  if (defined.at(-2) !== "properties") return undefined;
  const owner = getAt(input.doc, defined.slice(0, -2));
  return { defined, required: isObject(owner) && listOf(owner.required).includes(defined.at(-1) ?? "") };
}
