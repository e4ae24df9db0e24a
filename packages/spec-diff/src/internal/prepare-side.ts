import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { SpecDiffError } from "../spec-diff-error.js";
import { bundleKey, memoizedBundle } from "./bundle-memo.js";
import { normalizeNullability } from "./nullability.js";
import { isObject, type Json, type JsonObject, type ParsedSpec } from "./parsed-spec.js";
import type { PipelineScripts } from "./pipeline-scripts.js";
import type { SpecSource } from "./spec-source.js";

/** One side, ready for the engine: the normalized document and the file redocly reads. */
export interface PreparedSide {
  doc: JsonObject;
  path: string;
}

/**
 * Bundles one side with the overlays (as `pnpm spec:bundle` does, through its `bundleApi`),
 * normalizes nullability, and writes the result where the engine reads it. Without overlays
 * or external `$ref`s the bundle would equal the input, so that step is skipped; a bundle of
 * the same texts made earlier in this process is reused.
 *
 * @example
 * ```ts
 * const before = await prepareSide(scripts, parseSpec(source, "base"), overlays, workDir, "base");
 * ```
 */
export async function prepareSide(
  scripts: PipelineScripts,
  spec: ParsedSpec,
  overlays: readonly SpecSource[],
  workDir: string,
  side: "base" | "head",
): Promise<PreparedSide> {
  let data: Json = spec.data;
  const external = hasExternalRefs(spec.data);
  if (overlays.length > 0 || external) {
    const text = await memoizedBundle(bundleKey(spec.source.text, overlays, external), () =>
      bundle(scripts, spec.source, overlays, workDir, side),
    );
    if (text === undefined) {
      throw new SpecDiffError(
        `Could not bundle the ${side} spec \`${spec.source.label}\`${overlays.length ? " with the overlay" : ""} (redocly's reason is above). Fix the spec, or compare without the overlay (--no-overlay).`,
      );
    }
    data = JSON.parse(text) as Json;
  }
  const doc = normalizeNullability(data) as JsonObject;
  const path = write(join(workDir, `${side}.normalized.json`), JSON.stringify(doc));
  return { doc, path };
}

/** The bundle's text, or undefined after redocly printed why it failed. */
async function bundle(
  scripts: PipelineScripts,
  source: SpecSource,
  overlays: readonly SpecSource[],
  workDir: string,
  side: "base" | "head",
): Promise<string | undefined> {
  const input = onDisk(source) ?? write(join(workDir, side, basename(source.path)), source.text);
  const overlayPaths = overlays.map(
    (overlay, index) =>
      onDisk(overlay) ?? write(join(workDir, `${side}-overlay-${index}.yaml`), overlay.text),
  );
  const output = join(workDir, `${side}.bundle.json`);
  const api = { name: "voice", upstream: input, overlays: overlayPaths, bundle: output, types: "" };
  return (await scripts.bundleApiAsync(api, output, false)) && readFileSync(output, "utf8");
}

/** The real file when the source is one, so its relative `$ref`s resolve. */
function onDisk(source: SpecSource): string | undefined {
  return source.file !== undefined && existsSync(source.file) ? source.file : undefined;
}

function write(path: string, text: string): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

function hasExternalRefs(node: Json): boolean {
  if (Array.isArray(node)) return node.some(hasExternalRefs);
  if (!isObject(node)) return false;
  if (typeof node.$ref === "string" && !node.$ref.startsWith("#")) return true;
  return Object.values(node).some(hasExternalRefs);
}
