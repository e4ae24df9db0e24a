/**
 * The seed (spec/provenance/000_…txt) is SignalWire's API page with its YAML spec flattened
 * onto one line: every newline and indent became one space. We cannot parse that back, but we
 * can flatten our parsed document the same way and compare token streams. Equal streams mean
 * equal keys, nesting order, values and lists, so every path, parameter, schema, property,
 * enum value, `required` list, format, type array, oneOf, description and title matches.
 * Only whitespace inside strings, quoting and block-scalar markers (`>-`, `|-`) are ignored,
 * because the flattening destroyed them.
 */

const SPEC_START = "```yaml";
const SPEC_END = "## SDK Code Examples";

/** The flattened YAML spec embedded in the seed page. */
export function seedSpecText(seedPage: string): string {
  const start = seedPage.indexOf(SPEC_START);
  const end = seedPage.indexOf(SPEC_END, start);
  if (start === -1 || end === -1) throw new Error("The seed page has no ```yaml … ``` spec block.");
  const block = seedPage.slice(start + SPEC_START.length, end).trim();
  if (!block.endsWith("```")) throw new Error("The seed's spec block does not end with ```.");
  return block.slice(0, -3);
}

/** `key: value` / `- item` tokens of a parsed YAML value, in document order. */
export function flatten(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) {
    for (const item of value) {
      out.push("-");
      flatten(item, out);
    }
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      out.push(`${key}:`);
      flatten(item, out);
    }
  } else {
    out.push(String(value));
  }
  return out;
}

/** Whitespace-collapsed text without quotes or block-scalar markers. */
export function normalize(text: string): string {
  return text
    .replace(/(^|\s)[>|]-?(?=\s)/g, " ")
    .replace(/'/g, "")
    .split(/\s+/)
    .filter(Boolean)
    .join(" ");
}

/** Undefined when equal, else a short excerpt of both sides around the first difference. */
export function firstDifference(ours: string, theirs: string): string | undefined {
  if (ours === theirs) return undefined;
  let index = 0;
  while (index < ours.length && ours[index] === theirs[index]) index += 1;
  const around = (text: string) => JSON.stringify(text.slice(Math.max(0, index - 60), index + 60));
  return `first difference at character ${index}:\n  spec/voice.yaml: ${around(ours)}\n  seed:            ${around(theirs)}`;
}
