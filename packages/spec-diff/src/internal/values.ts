/**
 * Keywords whose content is a value from the API (an example, a default, the members of an
 * enum), not a schema: walks over the document never read or rewrite them as one, even when
 * they look like one.
 */
export const valueKeys: ReadonlySet<string> = new Set(["example", "examples", "default", "enum", "const"]);

/** A list the spec holds (an `enum`, a `required`), as strings; `[]` for anything else. */
export const listOf = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/** Like {@link listOf}, but a single value (`type: string`) is a list of one. */
export const valuesOf = (value: unknown): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value.map(String) : [String(value)];
