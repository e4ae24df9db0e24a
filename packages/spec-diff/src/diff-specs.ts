import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { secondOpinion } from "./internal/compiler/second-opinion.js";
import { locate } from "./internal/locate.js";
import { type ParsedSpec, parseSpec } from "./internal/parsed-spec.js";
import { loadPipelineScripts } from "./internal/pipeline-scripts.js";
import { classify } from "./internal/policy.js";
import { apiOf, prepareSide } from "./internal/prepare-side.js";
import { type DiffEngine, runRedoclyDiff } from "./internal/redocly-diff.js";
import { bumpOf, bySeverity, countBySeverity } from "./internal/severity.js";
import { readSpecSource, type SpecSource } from "./internal/spec-source.js";
import { touchedPackages } from "./internal/touched-packages.js";
import type { Change, CompilerAnswer, Report } from "./report.js";

/**
 * What to compare. Specs and overlays are file paths or `<git-ref>:<path>`.
 *
 * @example
 * ```ts
 * const options: DiffOptions = {
 *   base: "main:spec/voice.yaml",
 *   head: "spec/voice.yaml",
 *   baseOverlays: ["main:spec/overlays/sdk.yaml"], // the PR also edits the overlay
 * };
 * ```
 */
export interface DiffOptions {
  base: string;
  head: string;
  /**
   * Overlays applied to both sides before comparing. Default: each side gets those of the
   * pipeline's API it is (what `pnpm spec:bundle` applies to it), a document of no API none.
   * `[]` compares the documents as they are.
   */
  overlays?: readonly string[];
  /** Overlays for the base side only, when a change also edits the overlay. Default: `overlays`. */
  baseOverlays?: readonly string[];
  /** Where relative paths and git refs are read from. Default: `process.cwd()`. */
  cwd?: string;
  /** Names to show instead of the paths, e.g. `spec/voice.yaml (before)` for a temporary copy. */
  labels?: { base?: string; head?: string };
  /** The engine that finds the changes. Default: `redocly diff` (the pinned CLI). */
  engine?: DiffEngine;
  /**
   * Whether the TypeScript compiler judges too (default true): a rule's major stands only where
   * the compiler confirms the break or the rule is a wire-level one. `false` keeps the rules'
   * answer alone (the report's `compiler.status` is "skipped").
   */
  compiler?: boolean;
}

/**
 * Compares two OpenAPI documents and rates every change major, minor or patch: bundles each
 * side with our overlays, normalizes nullability, runs the engine (`redocly diff`) and applies
 * spec-diff's policy (TypeScript-surface checks, direction-aware nullability, docs-only edits),
 * then asks the TypeScript compiler over both sides' generated types and keeps a major only
 * where the compiler confirms it or the rule is a wire-level one (`report.disagreements`).
 * Throws {@link SpecDiffError} when an input is missing, unreadable or not OpenAPI.
 *
 * @example
 * ```ts
 * import { diffSpecs } from "@signalwire-voice/spec-diff";
 *
 * const report = await diffSpecs({ base: "main:spec/voice.yaml", head: "spec/voice.yaml" });
 * console.log(report.bump); // "none" | "patch" | "minor" | "major"
 * ```
 */
export async function diffSpecs(options: DiffOptions): Promise<Report> {
  const cwd = options.cwd ?? process.cwd();
  const scripts = await loadPipelineScripts();
  const base = parseSpec(relabel(readSpecSource(options.base, "base", cwd), options.labels?.base), "base");
  const head = parseSpec(relabel(readSpecSource(options.head, "head", cwd), options.labels?.head), "head");
  // Each side gets the overlays of the pipeline's API it is (none for any other document).
  const own = (spec: ParsedSpec) => apiOf(spec, scripts.loadApis(), scripts.repoRoot)?.overlays ?? [];
  const read = (role: string) => (path: string) => readSpecSource(path, role, cwd);
  const overlays = (options.overlays ?? defaultOverlays(own(head), cwd)).map(read("overlay"));
  const baseOverlays =
    options.baseOverlays?.map(read("base overlay")) ??
    (options.overlays ? overlays : defaultOverlays(own(base), cwd).map(read("overlay")));

  const workDir = mkdtempSync(join(tmpdir(), "spec-diff-"));
  try {
    const [before, after] = await bothSettled(
      prepareSide(scripts, base, baseOverlays, workDir, "base"),
      prepareSide(scripts, head, overlays, workDir, "head"),
    );
    const compare =
      options.engine ?? ((basePath, headPath, dir) => runRedoclyDiff(scripts, basePath, headPath, dir));
    const engine = await compare(before.path, after.path, workDir);
    const ruleChanges: Change[] = classify(engine, before.doc, after.doc).map(
      ({ side, pointer, ...rest }) => ({
        ...rest,
        location: locate(side === "head" ? head : base, side, pointer),
      }),
    );
    const { changes, compiler, disagreements } =
      options.compiler === false
        ? { changes: ruleChanges, compiler: skipped, disagreements: [] }
        : await secondOpinion(ruleChanges, { scripts, before, after, base, head, workDir });
    changes.sort((a, b) => bySeverity(a, b) || a.location.line - b.location.line);
    const bump = bumpOf(changes);
    return {
      base: base.source.label,
      head: head.source.label,
      overlay: overlays.length > 0 || baseOverlays.length > 0,
      bump,
      summary: countBySeverity(changes),
      packages: touchedPackages(bump, scripts.repoRoot),
      changes,
      compiler,
      disagreements,
    };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

const skipped: CompilerAnswer = { status: "skipped", operations: [], schemas: [], removedNames: [] };

const relabel = (source: SpecSource, label: string | undefined): SpecSource =>
  label === undefined ? source : { ...source, label, path: label };

/** The configured overlays, as paths relative to `cwd` (so reports show short names). */
function defaultOverlays(absolute: readonly string[], cwd: string): string[] {
  return absolute.map((path) => relative(cwd, path) || path);
}

/** Promise.all for two, except that it waits for both: `workDir` must outlive every redocly. */
async function bothSettled<T>(first: Promise<T>, second: Promise<T>): Promise<[T, T]> {
  const [a, b] = await Promise.allSettled([first, second]);
  if (a.status === "rejected") throw a.reason;
  if (b.status === "rejected") throw b.reason;
  return [a.value, b.value];
}
