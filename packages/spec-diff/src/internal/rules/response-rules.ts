import { describeWhere } from "../describe.js";
import { inResponse, lastTwo, type RuleInput, type Verdict, where } from "./rule.js";

/**
 * A response enum that lost values: the wire still works, but TypeScript rejects code that
 * compares with or `case`s on a literal the union no longer has (TS2367, TS2678).
 */
export function responseEnumNarrowed(input: RuleInput): Verdict | undefined {
  if (input.change.property !== "enum" || !inResponse(input)) return undefined;
  const after = new Set(listOf(input.change.revision?.value));
  const lost = listOf(input.change.base?.value).filter((value) => !after.has(value));
  if (lost.length === 0 || after.size === 0) return undefined;
  return {
    severity: "major",
    kind: "response-enum-narrowed",
    message: `${where(input)}: no longer includes ${lost.map((value) => `'${value}'`).join(", ")}; TypeScript code that compares with or switches on it no longer compiles.`,
  };
}

/**
 * A response oneOf/anyOf that lost a variant: code that handles it (a `case` on its `type`,
 * a comparison with its literal) no longer compiles against the narrower union.
 */
export function responseVariantRemoved(input: RuleInput): Verdict | undefined {
  const [combinator] = lastTwo(input);
  if (input.change.kind !== "removed" || !/^(oneOf|anyOf)$/.test(combinator ?? "") || !inResponse(input)) {
    return undefined;
  }
  const at = describeWhere(input.doc, input.change.path, { field: "parent" });
  return {
    severity: "major",
    kind: "response-variant-removed",
    message: `${at}: a \`${combinator}\` variant was removed; TypeScript code that handles it (a \`case\` on its literal) no longer compiles.`,
  };
}

const listOf = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
