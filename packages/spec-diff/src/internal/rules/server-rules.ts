import { show } from "../describe.js";
import { getAt, splitPointer } from "../json-pointer.js";
import { isObject } from "../parsed-spec.js";
import { listOf } from "../values.js";
import type { RuleInput, Verdict } from "./rule.js";

/**
 * A server variable (`{region}` in `https://{region}.example.com`) is part of the base URL:
 * a value it no longer allows, or a new default, moves callers to a URL they did not choose
 * or one that is gone (like a changed server URL, major); more allowed values are a new option.
 */
export function serverVariableChanged(input: RuleInput): Verdict | undefined {
  const { change } = input;
  if (change.typeName !== "ServerVariable" || change.kind !== "modified") return undefined;
  if (change.property !== "enum" && change.property !== "default") return undefined;
  const at = serverVariable(input);
  const before = change.base?.value;
  const after = change.revision?.value;
  if (change.property === "default") {
    return {
      severity: "major",
      kind: "server-variable-default-changed",
      message: `${at}: the default changed from ${show(before)} to ${show(after)}; clients that rely on it now call a different URL.`,
    };
  }
  // No enum: any value is allowed.
  const lost = after === undefined ? [] : listOf(before).filter((value) => !listOf(after).includes(value));
  if (lost.length > 0 || (before === undefined && after !== undefined)) {
    const what =
      lost.length > 0 ? `no longer allows ${lost.map(show).join(", ")}` : `is now limited to ${show(after)}`;
    return {
      severity: "major",
      kind: "server-variable-narrowed",
      message: `${at}: ${what}; clients configured with another value call a URL that is gone.`,
    };
  }
  const gained = listOf(after).filter((value) => !listOf(before).includes(value));
  if (after !== undefined && gained.length === 0) {
    return {
      severity: "patch",
      kind: "server-variable-reordered",
      message: `${at}: its values were reordered.`,
    };
  }
  const what =
    after === undefined ? "now allows any value" : `now also allows ${gained.map(show).join(", ")}`;
  return { severity: "minor", kind: "server-variable-widened", message: `${at}: ${what}.` };
}

/** ``server `https://{region}.example.com`, variable `region` `` for a change's path. */
function serverVariable(input: RuleInput): string {
  const segments = splitPointer(input.change.path);
  const server = getAt(input.doc, segments.slice(0, segments.indexOf("variables")));
  const url = isObject(server) && typeof server.url === "string" ? ` \`${server.url}\`` : "";
  return `Server${url}, variable \`${segments.at(-1) ?? "?"}\``;
}
