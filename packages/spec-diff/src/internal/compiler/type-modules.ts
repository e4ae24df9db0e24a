import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { operations } from "../directions.js";
import type { JsonObject } from "../parsed-spec.js";
import type { PipelineScripts } from "../pipeline-scripts.js";

/**
 * Writes `base.ts` and `head.ts` into `dir`: the types `pnpm generate` would make of each
 * side's bundle (the pipeline's `generateTypes`, openapi-typescript), from the bundle as it is,
 * before spec-diff normalizes it for the engine. openapi-typescript refuses a document with a
 * repeated operationId; such a copy drops the repeats, so those operations are typed inline
 * in `paths` (where the checker reads them) instead.
 *
 * @example
 * ```ts
 * await writeTypeModules(scripts, before.bundled, after.bundled, dir); // dir/base.ts, dir/head.ts
 * ```
 */
export async function writeTypeModules(
  scripts: Pick<PipelineScripts, "generateTypes">,
  base: JsonObject,
  head: JsonObject,
  dir: string,
): Promise<void> {
  const sides = [
    ["base", base],
    ["head", head],
  ] as const;
  for (const [name, doc] of sides) {
    const input = join(dir, `${name}.types-input.json`);
    writeFileSync(input, JSON.stringify(withoutRepeatedOperationIds(doc)));
    writeFileSync(join(dir, `${name}.ts`), await scripts.generateTypes(input, name));
  }
}

/** The document itself when every operationId is unique; else a copy without the repeats. */
function withoutRepeatedOperationIds(doc: JsonObject): JsonObject {
  const seen = new Set<string>();
  const repeats: { path: string; method: string }[] = [];
  for (const { path, method, operation } of operations(doc)) {
    const id = operation.operationId;
    if (typeof id !== "string") continue;
    if (seen.has(id)) repeats.push({ path, method });
    seen.add(id);
  }
  if (repeats.length === 0) return doc;
  const copy = structuredClone(doc);
  for (const { path, method } of repeats) {
    const item = (copy.paths as Record<string, Record<string, Record<string, unknown>>>)[path];
    const operation = item?.[method];
    if (operation) delete operation.operationId;
  }
  return copy;
}
