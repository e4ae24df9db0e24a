import { listOf } from "../values.js";
import { inRequest, inResponse, type RuleInput, type Verdict, where } from "./rule.js";

/**
 * An enum that lost values and gained others in one change (often an enum `$ref` written
 * inline): the engine names one side only (in a response, just the gained values), so both are
 * listed here, each with whom it affects. Lost values break callers that send them (request) and
 * code that compares with or switches on them (response), so the change is major either way;
 * gained values are new input (request) or values readers do not handle yet (response).
 */
export function enumValuesExchanged(input: RuleInput): Verdict | undefined {
  const { change } = input;
  if (
    change.property !== "enum" ||
    !Array.isArray(change.base?.value) ||
    !Array.isArray(change.revision?.value)
  )
    return undefined;
  const before = listOf(change.base?.value);
  const after = listOf(change.revision?.value);
  const lost = before.filter((value) => !after.includes(value));
  const gained = after.filter((value) => !before.includes(value));
  if (lost.length === 0 || gained.length === 0) return undefined;
  const request = inRequest(input) || !inResponse(input);
  const whoLoses = [
    ...(request ? ["callers that send it are rejected"] : []),
    ...(inResponse(input) ? ["TypeScript code that compares with or switches on it no longer compiles"] : []),
  ];
  const whoGains = inResponse(input) ? " (code that reads it does not handle it yet)" : "";
  return {
    severity: "major",
    kind: request ? "enum-values-removed" : "response-enum-narrowed",
    message: `${where(input)}: no longer includes ${quoted(lost)} (${whoLoses.join("; ")}); now also includes ${quoted(gained)}${whoGains}.`,
  };
}

const quoted = (values: string[]) => values.map((value) => `'${value}'`).join(", ");
