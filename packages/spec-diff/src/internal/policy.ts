import { componentDirections, directionsAt } from "./directions.js";
import type { JsonObject } from "./parsed-spec.js";
import type { EngineReport } from "./redocly-diff.js";
import { discriminatorChanged } from "./rules/discriminator-rule.js";
import { docsOnly } from "./rules/docs-rule.js";
import { enumValuesExchanged } from "./rules/enum-rule.js";
import { fallback } from "./rules/fallback-rule.js";
import { numberFormatAdded } from "./rules/format-rule.js";
import { splitKeyRenames } from "./rules/key-rename.js";
import { defaultPresenceChanged, readOnlyChanged } from "./rules/modifier-rules.js";
import { nullabilityRule } from "./rules/nullability-rule.js";
import {
  becameOptional,
  requestPropertyRemoved,
  requestWidened,
  variantAdded,
} from "./rules/request-rules.js";
import { responseEnumNarrowed, responseVariantRemoved } from "./rules/response-rules.js";
import type { Classified, Rule, RuleInput, Verdict } from "./rules/rule.js";
import { where } from "./rules/rule.js";
import {
  renamedSchemeChanges,
  schemeTokenRespelled,
  securityFallback,
  securityRename,
} from "./rules/security-rules.js";
import { serializationUnchanged } from "./rules/serialization-rule.js";
import { serverVariableChanged } from "./rules/server-rules.js";
import { componentChanges } from "./ts-surface.js";

const typedComponent =
  /^#\/components\/(schemas|responses|parameters|requestBodies|headers|pathItems)(\/[^/]+)?$/;

/** The policy over the engine, in order: the first rule that answers decides. */
export const rules: Rule[] = [
  // Null is compared after normalizing its three spellings; direction decides whom it breaks.
  nullabilityRule,
  // ts-surface reports added, removed and renamed components for the types; drop the engine's copy.
  (input) =>
    typedComponent.test(input.change.path) &&
    (input.change.kind !== "modified" || input.change.property === "key")
      ? "drop"
      : undefined,
  // A security scheme renamed with the same definition asks for the same credentials.
  securityRename,
  // An operation that drops its own `security` falls back to the root's: compare what is in force.
  securityFallback,
  // `basic` and `Basic` name the same HTTP authentication scheme (RFC 9110: case-insensitive).
  schemeTokenRespelled,
  // Adding an operationId adds `operations["id"]` to the types; only changing or removing one breaks.
  (input) =>
    input.change.property === "operationId" && input.change.base?.value === undefined
      ? {
          severity: "minor",
          kind: "operation-id-added",
          message: `${where(input)}: new operationId \`${String(input.change.revision?.value)}\`.`,
        }
      : undefined,
  // A single value is sent the same way whatever `explode` says (or a style spelled as its default).
  serializationUnchanged,
  // int32/int64/float/double leave the generated `number` as it is; only what a validator refuses counts.
  numberFormatAdded,
  // An enum that lost some values and gained others: the engine names one side; list and rate both.
  enumValuesExchanged,
  // Every other engine verdict stands: redocly's diff-recommended rules are all breaking ones.
  engineVerdict,
  // A response enum or union that lost a member (or a free value that became an enum) breaks
  // TypeScript code that still handles it.
  responseEnumNarrowed,
  responseVariantRemoved,
  // A removed request property still passes on the wire, but TypeScript rejects callers that set it.
  requestPropertyRemoved,
  // A body, parameter or property that became optional is a new, compatible way to call.
  becameOptional,
  // Marking something deprecated is a minor release (semver 2.0.0, item 7).
  (input) =>
    input.change.property === "deprecated" && input.change.revision?.value === true
      ? {
          severity: "minor",
          kind: "deprecated",
          message: `${where(input)}: marked deprecated; it still works.`,
        }
      : undefined,
  // A request-only type or enum that accepts more is new input.
  requestWidened,
  // A new oneOf/anyOf variant the engine did not rate (so: in a request) is a new way to call.
  variantAdded,
  // A server variable's values are base URLs: one taken away (or a new default) is like a changed URL.
  serverVariableChanged,
  // A discriminator gives its variants literal types; removing or changing it takes them away.
  discriminatorChanged,
  // `default` and `readOnly` look like annotations, but make a generated property required or readonly.
  defaultPresenceChanged,
  readOnlyChanged,
  // Words, examples, links and extensions change the docs and JSDoc, not what compiles.
  docsOnly,
  // Anything else: added is minor; removed is major (docs were rated above); a modified keyword
  // that shapes a generated type is at least minor; the rest keeps the engine's rating.
  fallback,
];

/**
 * Rates every change between two normalized documents: the engine's changes through the
 * rules above, plus the TypeScript-surface checks it has no rule for.
 */
export function classify(engine: EngineReport, base: JsonObject, head: JsonObject): Classified[] {
  const reached = { base: componentDirections(base), head: componentDirections(head) };
  const results: Classified[] = [...componentChanges(base, head), ...renamedSchemeChanges(base, head)];
  // Keys the engine paired across a letter-case change are another key: removed + added.
  for (const change of engine.changes.flatMap((found) => splitKeyRenames(found, base, head))) {
    const side = change.kind === "removed" ? "base" : "head";
    const defined = (side === "base" ? change.base?.pointer : change.revision?.pointer) ?? change.path;
    // The normalizer made `nullable`; point at the schema that carries it.
    const pointer = change.property === "nullable" ? defined.replace(/\/nullable$/, "") : defined;
    const directions = directionsAt(reached[side], defined);
    for (const verdict of change.verdicts.length > 0 ? change.verdicts : [undefined]) {
      const input: RuleInput = {
        change,
        verdict,
        directions,
        doc: side === "base" ? base : head,
        base,
        head,
      };
      const answer = rules.reduce<Verdict | undefined>((found, rule) => found ?? rule(input), undefined);
      if (answer && answer !== "drop") results.push({ ...answer, side, pointer, directions });
    }
  }
  return dedupe(results);
}

function engineVerdict(input: RuleInput): Verdict | undefined {
  if (!input.verdict) return undefined;
  const at = where(input);
  const operation = at.split(",")[0] ?? "";
  // redocly's messages often name the operation already ("of operation `GET /logs`").
  const message =
    operation && input.verdict.message.includes(operation)
      ? input.verdict.message
      : `${at}: ${input.verdict.message}`;
  return { severity: input.verdict.impact, kind: input.verdict.ruleId, message };
}

function dedupe(changes: Classified[]): Classified[] {
  const seen = new Set<string>();
  return changes.filter((change) => {
    const key = `${change.kind}|${change.pointer}|${change.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
