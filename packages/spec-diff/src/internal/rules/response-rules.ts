import { describeWhere } from "../describe.js";
import { listOf } from "../values.js";
import { inResponse, lastTwo, type RuleInput, type Verdict, where } from "./rule.js";

/**
 * A response enum that lost values, or a free value that became an enum: the wire still
 * works, but TypeScript rejects code that compares with or `case`s on a literal the union no
 * longer has (TS2367, TS2678).
 */
export function responseEnumNarrowed(input: RuleInput): Verdict | undefined {
  if (input.change.property !== "enum" || !inResponse(input)) return undefined;
  const after = listOf(input.change.revision?.value);
  if (after.length === 0) return undefined;
  const before = input.change.base?.value;
  const lost = listOf(before).filter((value) => !after.includes(value));
  if (before !== undefined && lost.length === 0) return undefined;
  const what =
    before === undefined
      ? `is now limited to ${quoted(after)}, where any value was allowed`
      : `no longer includes ${quoted(lost)}`;
  return {
    severity: "major",
    kind: "response-enum-narrowed",
    message: `${where(input)}: ${what}; TypeScript code that compares with or switches on it no longer compiles.`,
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

const quoted = (values: string[]) => values.map((value) => `'${value}'`).join(", ");
