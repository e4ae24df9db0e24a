import type { Direction, Severity } from "../report.js";
import { describeWhere, fieldPath, parameterName } from "./describe.js";
import { describePlainChange } from "./describe-change.js";
import { componentDirections, directionsAt } from "./directions.js";
import { getAt, splitPointer } from "./json-pointer.js";
import { isObject, type JsonObject } from "./parsed-spec.js";
import type { EngineChange, EngineReport, EngineVerdict } from "./redocly-diff.js";
import { componentChanges } from "./ts-surface.js";

/** A change with its verdict, before its pointer is turned into a line. */
export interface Classified {
  severity: Severity;
  kind: string;
  message: string;
  side: "head" | "base";
  pointer: string;
  directions: Direction[];
}

/** What a rule sees: one engine change (and the verdict being rated, if any), in context. */
export interface RuleInput {
  change: EngineChange;
  verdict: EngineVerdict | undefined;
  directions: Direction[];
  /** The document the change lives in: head, or base for a removal. */
  doc: JsonObject;
  base: JsonObject;
  head: JsonObject;
}
type Verdict = Pick<Classified, "severity" | "kind" | "message"> | "drop";
type Rule = (input: RuleInput) => Verdict | undefined;

const docKeywords = new Set([
  "description",
  "summary",
  "title",
  "example",
  "examples",
  "externalDocs",
  "x-codeSamples",
]);
const docTypes = new Set([
  "Example",
  "ExamplesMap",
  "ExternalDocs",
  "Tag",
  "TagList",
  "Info",
  "Contact",
  "License",
]);
const typedSections =
  /^#\/components\/(schemas|responses|parameters|requestBodies|headers|pathItems)(\/[^/]+)?$/;

const request = (input: RuleInput) => input.directions.includes("request");
const response = (input: RuleInput) => input.directions.includes("response");
const where = (input: RuleInput) => describeWhere(input.doc, input.change.path);
// redocly's messages often name the operation already ("of operation `GET /logs`").
const withWhere = (input: RuleInput, message: string) => {
  const at = where(input);
  const operation = at.split(",")[0] ?? "";
  return operation && message.includes(operation) ? message : `${at}: ${message}`;
};
const lastTwo = (input: RuleInput) => splitPointer(input.change.path).slice(-2);

/** The rules, in order; the first that answers decides. Each line says why. */
export const rules: Rule[] = [
  // Null is compared after normalizing its three spellings; direction decides who it breaks.
  nullability,
  // The types package already reports added/removed components (ts-surface); drop the engine's copy.
  (input) => (typedSections.test(input.change.path) && input.change.kind !== "modified" ? "drop" : undefined),
  // Adding an operationId adds `operations["id"]` to the types; only changing or removing one breaks.
  (input) =>
    input.change.property === "operationId" && input.change.base?.value === undefined
      ? {
          severity: "minor",
          kind: "operation-id-added",
          message: `${where(input)}: new operationId ${String(input.change.revision?.value)}.`,
        }
      : undefined,
  // An operation that drops its own `security` falls back to the root's: compare what is in force.
  securityFallback,
  // Every other engine verdict stands: redocly's diff-recommended rules are all breaking ones.
  (input) =>
    input.verdict
      ? {
          severity: input.verdict.impact,
          kind: input.verdict.ruleId,
          message: withWhere(input, input.verdict.message),
        }
      : undefined,
  // A removed request property still passes on the wire, but TypeScript rejects callers that set it.
  (input) =>
    input.change.kind === "removed" && lastTwo(input)[0] === "properties" && request(input)
      ? {
          severity: "major",
          kind: "request-property-removed",
          message: `${describeWhere(input.doc, input.change.path, { field: "parent" })}: property \`${lastTwo(input)[1]}\` was removed from what callers send; TypeScript code that still sets it no longer compiles.`,
        }
      : undefined,
  // A request body that became optional is a new, compatible way to call.
  (input) =>
    input.change.typeName === "RequestBody" &&
    input.change.property === "required" &&
    input.change.revision?.value !== true
      ? {
          severity: "minor",
          kind: "request-body-optional",
          message: `${where(input)}: the request body became optional.`,
        }
      : undefined,
  // A parameter that became optional is a new, compatible way to call.
  (input) =>
    input.change.typeName === "Parameter" &&
    input.change.property === "required" &&
    input.change.revision?.value !== true
      ? {
          severity: "minor",
          kind: "parameter-optional",
          message: `${where(input)}: ${parameterName(input.doc, splitPointer(input.change.path))} became optional.`,
        }
      : undefined,
  // A request property that became optional is a new, compatible way to call.
  (input) =>
    input.change.property === "required" && request(input) && !response(input) && lostNames(input).length > 0
      ? {
          severity: "minor",
          kind: "request-property-optional",
          message: `${where(input)}: ${listDelta(input, "became optional")}.`,
        }
      : undefined,
  // Marking something deprecated is a minor release (semver 2.0.0, item 7).
  (input) =>
    input.change.property === "deprecated" && input.change.revision?.value === true
      ? {
          severity: "minor",
          kind: "deprecated",
          message: `${where(input)}: marked deprecated; it still works.`,
        }
      : undefined,
  // A request type that accepts more (no verdict means the engine saw no narrowing) is new input.
  (input) =>
    (input.change.property === "type" || input.change.property === "enum") &&
    request(input) &&
    !response(input)
      ? {
          severity: "minor",
          kind: `request-${input.change.property}-widened`,
          message: `${where(input)}: now also accepts ${widening(input)}.`,
        }
      : undefined,
  // Added oneOf/anyOf variants in a request are new ways to call (in a response the engine rates them).
  (input) =>
    input.change.kind === "added" && /^(oneOf|anyOf)$/.test(lastTwo(input)[0] ?? "")
      ? {
          severity: "minor",
          kind: "variant-added",
          message: `${describeWhere(input.doc, input.change.path, { field: "parent" })}: a new \`${lastTwo(input)[0]}\` variant is accepted.`,
        }
      : undefined,
  // Words and examples change the docs and JSDoc, not what compiles or what goes on the wire.
  (input) =>
    docKeywords.has(input.change.property ?? "") ||
    docTypes.has(input.change.typeName) ||
    /^x-/.test(input.change.property ?? lastTwo(input)[1] ?? "")
      ? { severity: "patch", kind: "docs-changed", message: docsMessage(input) }
      : undefined,
  // Anything else that appeared is new surface; anything else keeps the engine's rating.
  (input) => {
    const { kind, message } = describePlainChange(input.change, input.doc);
    return { severity: input.change.kind === "added" ? "minor" : input.change.impact, kind, message };
  },
];

/**
 * Rates every change between two normalized documents: the engine's changes through the
 * rules above, plus the TypeScript-surface checks it has no rule for.
 */
export function classify(engine: EngineReport, base: JsonObject, head: JsonObject): Classified[] {
  const reached = { base: componentDirections(base), head: componentDirections(head) };
  const results: Classified[] = componentChanges(base, head);
  for (const change of engine.changes) {
    const side = change.kind === "removed" ? "base" : "head";
    const doc = side === "base" ? base : head;
    const pointer = (side === "base" ? change.base?.pointer : change.revision?.pointer) ?? change.path;
    const directions = directionsAt(reached[side], pointer);
    const verdicts = change.verdicts.length > 0 ? change.verdicts : [undefined];
    for (const verdict of verdicts) {
      const input = { change, verdict, directions, doc, base, head };
      const answer = rules.reduce<Verdict | undefined>((found, rule) => found ?? rule(input), undefined);
      // The normalizer made `nullable`; point at the schema that carries it.
      const at = input.change.property === "nullable" ? pointer.replace(/\/nullable$/, "") : pointer;
      if (answer && answer !== "drop") results.push({ ...answer, side, pointer: at, directions });
    }
  }
  return dedupe(results);
}

function nullability(input: RuleInput): Verdict | undefined {
  if (input.change.property !== "nullable") return undefined;
  const field = fieldPath(splitPointer(input.change.path)) || "the value";
  const at = describeWhere(input.doc, input.change.path, { field: "none" });
  if (input.change.revision?.value === true) {
    return response(input)
      ? {
          severity: "major",
          kind: "became-nullable",
          message: `${at}: \`${field}\` can now be null; code that reads it must handle null.`,
        }
      : { severity: "minor", kind: "became-nullable", message: `${at}: \`${field}\` now accepts null.` };
  }
  return request(input)
    ? {
        severity: "major",
        kind: "no-longer-nullable",
        message: `${at}: \`${field}\` no longer accepts null.`,
      }
    : { severity: "patch", kind: "no-longer-nullable", message: `${at}: \`${field}\` is never null now.` };
}

function securityFallback(input: RuleInput): Verdict | undefined {
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

/** Whether the operation at `segments` can be called without credentials (its own `security`, else the root's). */
function allowsAnonymous(doc: JsonObject, segments: string[]): boolean {
  const operation = getAt(doc, segments);
  const own = isObject(operation) ? operation.security : undefined;
  const effective = own ?? doc.security;
  return (
    !Array.isArray(effective) ||
    effective.length === 0 ||
    effective.some((item) => isObject(item) && Object.keys(item).length === 0)
  );
}

function docsMessage(input: RuleInput): string {
  const what =
    input.change.property ?? input.change.typeName.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  const verb = { added: "was added", removed: "was removed", modified: "changed" }[input.change.kind];
  const at = where(input);
  return at ? `${at}: ${what} ${verb}.` : `${what.charAt(0).toUpperCase()}${what.slice(1)} ${verb}.`;
}

function lostNames(input: RuleInput): string[] {
  const after = asList(input.change.revision?.value);
  return asList(input.change.base?.value).filter((name) => !after.includes(name));
}

function listDelta(input: RuleInput, verb: string): string {
  return `${lostNames(input)
    .map((name) => `\`${name}\``)
    .join(", ")} ${verb}`;
}

function widening(input: RuleInput): string {
  const values = (value: unknown) =>
    value === undefined ? [] : Array.isArray(value) ? value.map(String) : [String(value)];
  const before = values(input.change.base?.value);
  const extra = values(input.change.revision?.value).filter((value) => !before.includes(value));
  return extra.length ? extra.map((value) => `'${value}'`).join(", ") : "more values";
}

const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

function dedupe(changes: Classified[]): Classified[] {
  const seen = new Set<string>();
  return changes.filter((change) => {
    const key = `${change.kind}|${change.pointer}|${change.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
