import { describeWhere, parameterName } from "../describe.js";
import { splitPointer } from "../json-pointer.js";
import { listOf, valuesOf } from "../values.js";
import { inRequest, inResponse, lastTwo, type RuleInput, type Verdict, where } from "./rule.js";

/** A removed request property still passes on the wire, but TypeScript rejects callers that set it. */
export function requestPropertyRemoved(input: RuleInput): Verdict | undefined {
  if (input.change.kind !== "removed" || lastTwo(input)[0] !== "properties" || !inRequest(input))
    return undefined;
  const at = describeWhere(input.doc, input.change.path, { field: "parent" });
  return {
    severity: "major",
    kind: "request-property-removed",
    message: `${at}: property \`${lastTwo(input)[1]}\` was removed from what callers send; TypeScript code that still sets it no longer compiles.`,
  };
}

/** A request body, parameter or body property that became optional: a new, compatible way to call. */
export function becameOptional(input: RuleInput): Verdict | undefined {
  const { change } = input;
  if (change.property !== "required" || change.revision?.value === true) return undefined;
  if (change.typeName === "RequestBody") {
    return {
      severity: "minor",
      kind: "request-body-optional",
      message: `${where(input)}: the request body became optional.`,
    };
  }
  if (change.typeName === "Parameter") {
    const name = parameterName(input.doc, splitPointer(change.path));
    return {
      severity: "minor",
      kind: "parameter-optional",
      message: `${where(input)}: ${name} became optional.`,
    };
  }
  const after = listOf(change.revision?.value);
  const lost = listOf(change.base?.value).filter((name) => !after.includes(name));
  if (lost.length === 0 || !inRequest(input) || inResponse(input)) return undefined;
  const names = lost.map((name) => `\`${name}\``).join(", ");
  return {
    severity: "minor",
    kind: "request-property-optional",
    message: `${where(input)}: ${names} became optional.`,
  };
}

/** A request-only type or enum that accepts more (the engine saw no narrowing, or it would have ruled). */
export function requestWidened(input: RuleInput): Verdict | undefined {
  const { property } = input.change;
  if ((property !== "type" && property !== "enum") || !inRequest(input) || inResponse(input))
    return undefined;
  const before = valuesOf(input.change.base?.value);
  const extra = valuesOf(input.change.revision?.value).filter((value) => !before.includes(value));
  const what = extra.length ? extra.map((value) => `'${value}'`).join(", ") : "more values";
  return {
    severity: "minor",
    kind: `request-${property}-widened`,
    message: `${where(input)}: now also accepts ${what}.`,
  };
}

/** A new oneOf/anyOf variant where the engine saw no break (so: a request): a new way to call. */
export function variantAdded(input: RuleInput): Verdict | undefined {
  const [combinator] = lastTwo(input);
  if (input.change.kind !== "added" || !/^(oneOf|anyOf)$/.test(combinator ?? "")) return undefined;
  const at = describeWhere(input.doc, input.change.path, { field: "parent" });
  return {
    severity: "minor",
    kind: "variant-added",
    message: `${at}: a new \`${combinator}\` variant is accepted.`,
  };
}
