import { isObject, type Json } from "./parsed-spec.js";

/** `#/paths/~1logs/get` → ["paths", "/logs", "get"] (RFC 6901, with or without the `#`). */
export function splitPointer(pointer: string): string[] {
  const body = pointer.replace(/^#/, "");
  if (body === "" || body === "/") return [];
  return body
    .slice(1)
    .split("/")
    .map((part) => decodeURIComponent(part).replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** ["paths", "/logs", "get"] → `#/paths/~1logs/get`. */
export function joinPointer(segments: readonly string[]): string {
  return `#${segments.map((part) => `/${part.replace(/~/g, "~0").replace(/\//g, "~1")}`).join("")}`;
}

/** The value at `segments` inside `root`, without following `$ref`s; undefined if absent. */
export function getAt(root: Json, segments: readonly string[]): Json | undefined {
  let node: Json | undefined = root;
  for (const segment of segments) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isObject(node)) node = node[segment];
    else return undefined;
  }
  return node;
}
