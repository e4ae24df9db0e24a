import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { SpecDiffError } from "../spec-diff-error.js";

/** What spec-diff uses from the repo's pipeline scripts (plain ESM, `// @ts-check`). */
export interface ApiEntry {
  name: string;
  upstream: string;
  overlays: string[];
  bundle: string;
  types: string;
}
// The async variants: a process comparing many specs runs its redocly processes side by side.
export interface PipelineScripts {
  repoRoot: string;
  /** scripts/lib/redocly.mjs: the pinned redocly CLI, run quietly from the repo root. */
  redoclyAsync(
    args: string[],
    options?: { echo?: boolean },
  ): Promise<{ status: number; stdout: string; stderr: string }>;
  /** scripts/spec-bundle.mjs: overlays + bundle (+ strict lint); undefined after printing why it failed. */
  bundleApiAsync(api: ApiEntry, output: string, lintResult?: boolean): Promise<string | undefined>;
  /** scripts/lib/apis.mjs: the APIs of spec/apis.json. */
  loadApis(only?: string): ApiEntry[];
}

/** The workspace root: the nearest folder above `from` that holds pnpm-workspace.yaml. */
export function findRepoRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    if (dirname(dir) === dir) {
      throw new SpecDiffError(
        `spec-diff must run inside the signalwire-voice workspace (no pnpm-workspace.yaml above ${from}).`,
      );
    }
  }
}

const loaded = new Map<string, Promise<PipelineScripts>>();

/**
 * Loads the pipeline's own scripts, so spec-diff bundles and runs redocly exactly as
 * `pnpm spec:bundle` does (same pinned CLI, same config, same quiet environment).
 */
export function loadPipelineScripts(repoRoot = findRepoRoot()): Promise<PipelineScripts> {
  const cached = loaded.get(repoRoot);
  if (cached) return cached;
  const loading = (async () => {
    const load = (path: string) => import(pathToFileURL(join(repoRoot, path)).href);
    const [redocly, bundle, apis] = await Promise.all([
      load("scripts/lib/redocly.mjs"),
      load("scripts/spec-bundle.mjs"),
      load("scripts/lib/apis.mjs"),
    ]);
    return {
      repoRoot,
      redoclyAsync: redocly.redoclyAsync,
      bundleApiAsync: bundle.bundleApiAsync,
      loadApis: apis.loadApis,
    };
  })();
  loaded.set(repoRoot, loading);
  return loading;
}
