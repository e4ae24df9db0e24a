// The three JSON Patch (RFC 6902) operations the corpus uses, on plain parsed YAML.
export interface PatchOperation {
  op: "add" | "remove" | "replace";
  path: string;
  value?: unknown;
}

type Container = Record<string, unknown> | unknown[];

export function applyPatch<T>(document: T, operations: readonly PatchOperation[]): T {
  const copy = structuredClone(document);
  for (const { op, path, value } of operations) {
    const segments = path
      .slice(1)
      .split("/")
      .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"));
    const key = segments.pop() ?? "";
    let parent: unknown = copy;
    for (const segment of segments) parent = (parent as Record<string, unknown>)[segment];
    if (typeof parent !== "object" || parent === null) throw new Error(`No parent for ${op} ${path}`);
    const container = parent as Container;
    if (Array.isArray(container)) {
      const index = key === "-" ? container.length : Number(key);
      if (op === "add") container.splice(index, 0, value);
      else if (index >= container.length) throw new Error(`No item to ${op} at ${path}`);
      else if (op === "remove") container.splice(index, 1);
      else container[index] = value;
    } else {
      if (op !== "add" && !(key in container)) throw new Error(`Nothing to ${op} at ${path}`);
      if (op === "remove") delete container[key];
      else container[key] = value;
    }
  }
  return copy;
}
