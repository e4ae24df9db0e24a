import * as pipeline from "@signalwire-voice/pipeline";

/** One API of the pipeline's list (absolute paths). */
export interface ApiEntry {
  name: string;
  upstream: string;
  overlays: string[];
  bundle: string;
  types: string;
}

/** What spec-diff uses of the pipeline: it bundles and runs redocly exactly as `pnpm spec:bundle` does. */
export interface PipelineScripts {
  /** The workspace folder the pipeline's paths are relative to. */
  repoRoot: string;
  /** The pinned redocly CLI, run quietly from the workspace folder. */
  redoclyAsync(
    args: string[],
    options?: { echo?: boolean },
  ): Promise<{ status: number; stdout: string; stderr: string }>;
  /** Overlays + bundle (+ strict lint); undefined after printing why it failed. */
  bundleApiAsync(api: ApiEntry, output: string, lintResult?: boolean): Promise<string | undefined>;
  /** The pipeline's APIs. */
  loadApis(only?: string): ApiEntry[];
  /** The generated types module of a bundle, as `pnpm generate` writes it (openapi-typescript). */
  generateTypes(bundlePath: string, apiName: string): Promise<string>;
}

const scripts: PipelineScripts = {
  repoRoot: pipeline.workspaceDir,
  redoclyAsync: pipeline.redoclyAsync,
  bundleApiAsync: pipeline.bundleApiAsync,
  loadApis: pipeline.loadApis,
  generateTypes: pipeline.generateTypes,
};

/** The workspace folder, as the pipeline declares it (where `.changeset` is). */
export function workspaceDir(): string {
  return pipeline.workspaceDir;
}

/** The pipeline's steps spec-diff runs. */
export function loadPipelineScripts(): Promise<PipelineScripts> {
  return Promise.resolve(scripts);
}
