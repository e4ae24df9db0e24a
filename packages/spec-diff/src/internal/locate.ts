import { isMap, isPair, isScalar, isSeq, type Node } from "yaml";
import type { ChangeLocation } from "../report.js";
import { splitPointer } from "./json-pointer.js";
import type { ParsedSpec } from "./parsed-spec.js";

/**
 * Where `pointer` is in the file the user passed: the line of its key, or of its nearest
 * ancestor when the node does not exist there (the overlay or the nullability normalizer
 * made it), so every change can be clicked through to a line.
 */
export function locate(spec: ParsedSpec, side: "head" | "base", pointer: string): ChangeLocation {
  let node: Node | null | undefined = spec.document.contents;
  let offset = node?.range?.[0] ?? 0;
  for (const segment of splitPointer(pointer)) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === segment,
      );
      if (!pair) break;
      offset = (isScalar(pair.key) && pair.key.range?.[0]) || offset;
      node = pair.value as Node | null;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else break;
  }
  return { file: spec.source.label, side, pointer, line: spec.lines.linePos(offset).line };
}
