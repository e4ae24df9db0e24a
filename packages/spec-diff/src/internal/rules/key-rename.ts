import { getAt, joinPointer, splitPointer } from "../json-pointer.js";
import type { JsonObject } from "../parsed-spec.js";
import type { EngineChange } from "../redocly-diff.js";

/**
 * The engine pairs map keys that differ only in letter case (`A2pProfileBundleSid` and
 * `A2PProfileBundleSid`) and reports one "key modified" change (patch). Nothing downstream
 * matches names that way: JSON, the generated TypeScript and every server compare names
 * exactly, so a key renamed by case is a removed key and an added one, rated as such.
 *
 * @example
 * ```ts
 * const changes = engine.changes.flatMap((change) => splitKeyRenames(change, base, head));
 * ```
 */
export function splitKeyRenames(change: EngineChange, base: JsonObject, head: JsonObject): EngineChange[] {
  const from = change.base?.value;
  const to = change.revision?.value;
  if (
    change.kind !== "modified" ||
    change.property !== "key" ||
    typeof from !== "string" ||
    typeof to !== "string"
  )
    return [change];
  if (from === to || !change.base || !change.revision) return [change];
  const path = splitPointer(change.path);
  if (path.at(-1) !== to) return [change];
  const { pointer: removedAt } = change.base;
  const { pointer: addedAt } = change.revision;
  return [
    {
      path: joinPointer([...path.slice(0, -1), from]),
      typeName: change.typeName,
      kind: "removed",
      impact: "major",
      // What the engine said about the pair (a path or response property "removed") is said of this half.
      verdicts: change.verdicts,
      base: { pointer: removedAt, value: getAt(base, splitPointer(removedAt)) },
    },
    {
      path: change.path,
      typeName: change.typeName,
      kind: "added",
      impact: "minor",
      verdicts: [],
      revision: { pointer: addedAt, value: getAt(head, splitPointer(addedAt)) },
    },
  ];
}
