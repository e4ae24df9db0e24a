import { lastTwo, type RuleInput, type Verdict, where } from "./rule.js";

const docKeywords = new Set(["description", "summary", "title", "example", "examples", "externalDocs"]);
const docTypes = new Set([
  "Example",
  "ExamplesMap",
  "ExternalDocs",
  "Tag",
  "TagList",
  "Info",
  "Contact",
  "License",
  "Link",
  "LinksMap",
]);

/**
 * Words, examples, links and `x-` extensions change the docs and JSDoc, not what compiles or
 * goes on the wire (openapi-typescript generates no type for a link).
 */
export function docsOnly(input: RuleInput): Verdict | undefined {
  const { change } = input;
  const key = change.property ?? lastTwo(input)[1] ?? "";
  const extension = key.startsWith("x-");
  if (!docKeywords.has(change.property ?? "") && !docTypes.has(change.typeName) && !extension)
    return undefined;
  const what = extension ? `extension \`${key}\`` : (change.property ?? words(change.typeName));
  // A keyword the engine saw appear or disappear on its node is "modified" with one side empty.
  const kind =
    change.kind !== "modified"
      ? change.kind
      : change.base?.value === undefined
        ? "added"
        : change.revision?.value === undefined
          ? "removed"
          : "modified";
  const verb = { added: "was added", removed: "was removed", modified: "changed" }[kind];
  const at = where(input);
  const message = at ? `${at}: ${what} ${verb}.` : `${what.charAt(0).toUpperCase()}${what.slice(1)} ${verb}.`;
  return { severity: "patch", kind: "docs-changed", message };
}

const words = (typeName: string) => typeName.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
