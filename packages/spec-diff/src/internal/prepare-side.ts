import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { parse } from "yaml";
import { SpecDiffError } from "../spec-diff-error.js";
import { bundleKey, memoizedBundle } from "./bundle-memo.js";
import { dropRepeatedRefSiblings, normalizeNullability } from "./nullability.js";
import { isObject, type Json, type JsonObject, type ParsedSpec } from "./parsed-spec.js";
import type { ApiEntry, PipelineScripts } from "./pipeline-scripts.js";
import type { SpecSource } from "./spec-source.js";

/** One side, ready for the engine: the normalized document and the file redocly reads. */
export interface PreparedSide {
  doc: JsonObject;
  path: string;
  /** The bundle before normalizing: what `pnpm generate` makes the types of (the compiler's input). */
  bundled: JsonObject;
}

/**
 * Bundles one side with the overlays (as `pnpm spec:bundle` does, through its `bundleApi`),
 * normalizes nullability and `$ref` spellings, and writes the result where the engine reads it. Without overlays
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
  const doc = dropRepeatedRefSiblings(normalizeNullability(data) as JsonObject);
  const path = write(join(workDir, `${side}.normalized.json`), JSON.stringify(doc));
  return { doc, path, bundled: data as JsonObject };
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

/**
 * The pipeline's API a document is, if any: only that API's overlays belong on it (the voice
 * overlay, applied to another document, rewrites servers and parameters it was never written
 * for). A document is an API's when it is that API's upstream file (the same path, read from
 * disk or as `<git-ref>:<path>`), or when it names itself as that upstream does: the same
 * `info.title`, or a server URL that is the same once its `{variables}` (and their
 * %-encoded spelling) are ignored, `https://{}.signalwire.com/api/voice`. The path alone misses
 * downloads and copies (every revision in the history test); a title alone misses a revision
 * that renamed itself (the voice spec was titled `voice`, then `Voice API`), and the servers
 * alone a moved host. The upstream named in `packages/pipeline/apis.json` stays the one source:
 * no name or URL is written here.
 *
 * @example
 * ```ts
 * const api = apiOf(parseSpec(readSpecSource("voice-2026-03.yaml", "head"), "head"), scripts.loadApis(), scripts.repoRoot);
 * const overlays = api?.overlays ?? []; // [".../spec/overlays/sdk.yaml"] for a Voice API document
 * ```
 */
export function apiOf(spec: ParsedSpec, apis: readonly ApiEntry[], repoRoot: string): ApiEntry | undefined {
  const path = spec.source.file ?? resolve(repoRoot, spec.source.path);
  const byPath = apis.find((api) => api.upstream === path);
  if (byPath) return byPath;
  const mine = identity(spec.data);
  return apis.find((api) => identityOfFile(api.upstream).some((key) => mine.includes(key)));
}

/** `title:Voice API`, `server:https://{}.signalwire.com/api/voice`: what a document calls itself. */
function identity(doc: Json): string[] {
  if (!isObject(doc)) return [];
  const title =
    isObject(doc.info) && typeof doc.info.title === "string" ? [`title:${doc.info.title.trim()}`] : [];
  const servers = Array.isArray(doc.servers) ? doc.servers : [];
  const urls = servers.flatMap((server) =>
    isObject(server) && typeof server.url === "string" ? [`server:${serverPattern(server.url)}`] : [],
  );
  return [...title, ...urls];
}

function serverPattern(url: string): string {
  return url
    .replace(/%7B/gi, "{")
    .replace(/%7D/gi, "}")
    .replace(/\{[^}]*\}/g, "{}")
    .replace(/\/+$/, "");
}

const upstreamIdentities = new Map<string, { stamp: string; keys: string[] }>();

/**
 * The identity of an upstream file, read once per version of it. Only its top-level `info`
 * and `servers` blocks are parsed: the REST upstream is 2 MB (0.7 s to parse whole).
 */
function identityOfFile(file: string): string[] {
  if (!existsSync(file)) return [];
  const { mtimeMs, size } = statSync(file);
  const stamp = `${mtimeMs}:${size}`;
  const known = upstreamIdentities.get(file);
  if (known?.stamp === stamp) return known.keys;
  const text = readFileSync(file, "utf8");
  let keys: string[];
  try {
    keys = identity((text.trimStart().startsWith("{") ? JSON.parse(text) : parse(topBlocks(text))) as Json);
  } catch {
    keys = [];
  }
  upstreamIdentities.set(file, { stamp, keys });
  return keys;
}

/** The YAML of the top-level `info:` and `servers:` keys, each up to the next top-level key. */
function topBlocks(text: string): string {
  const kept: string[] = [];
  let keep = false;
  for (const line of text.split("\n")) {
    // A top-level key starts at column 0; a block sequence's `- ` may too, and belongs to its key.
    if (/^[^\s#-]/.test(line)) keep = /^(info|servers):/.test(line);
    if (keep) kept.push(line);
  }
  return kept.join("\n");
}
