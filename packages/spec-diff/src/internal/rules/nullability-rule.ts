import { describeWhere, fieldPath } from "../describe.js";
import { splitPointer } from "../json-pointer.js";
import { inRequest, inResponse, type RuleInput, type Verdict } from "./rule.js";

/**
 * Null, after the normalizer turned its three spellings into `nullable`: a response that may
 * now be null breaks readers; a request that no longer accepts null breaks senders; the
 * opposite moves are compatible, but change the generated type (`| null`), so minor.
 */
export function nullabilityRule(input: RuleInput): Verdict | undefined {
  if (input.change.property !== "nullable") return undefined;
  const field = `\`${fieldPath(splitPointer(input.change.path)) || "the value"}\``;
  const at = describeWhere(input.doc, input.change.path, { field: "none" });
  const rate = (severity: "major" | "minor" | "patch", kind: string, what: string): Verdict => ({
    severity,
    kind,
    message: `${at}: ${field} ${what}.`,
  });
  if (input.change.revision?.value === true) {
    return inResponse(input)
      ? rate("major", "became-nullable", "can now be null; code that reads it must handle null")
      : rate("minor", "became-nullable", "now accepts null");
  }
  return inRequest(input)
    ? rate("major", "no-longer-nullable", "no longer accepts null")
    : rate("minor", "no-longer-nullable", "is never null now; the generated type drops `| null`");
}
