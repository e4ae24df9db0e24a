import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Bump, Severity } from "../report.js";
import { SpecDiffError } from "../spec-diff-error.js";
import type { PipelineScripts } from "./pipeline-scripts.js";

/** A node of one side, as `redocly diff --format json` reports it. */
export interface EngineSide {
  pointer: string;
  line?: number;
  value?: unknown;
}

/** One rule that fired on a change, with redocly's plain-words message. */
export interface EngineVerdict {
  ruleId: string;
  impact: Severity;
  message: string;
  location?: EngineSide;
}

/** One change as redocly diff reports it (report version 1). */
export interface EngineChange {
  /** Where the engine met the node, following $refs from an operation (e.g. `#/paths/~1logs/get/...`). */
  path: string;
  typeName: string;
  kind: "added" | "removed" | "modified";
  impact: Severity;
  verdicts: EngineVerdict[];
  property?: string;
  base?: EngineSide;
  revision?: EngineSide;
}

export interface EngineReport {
  bump: Bump;
  changes: EngineChange[];
}

/**
 * What compares the two prepared files: `redocly diff` by default. Tests of the rules replay
 * reports it made earlier, so hundreds of cases run in process (see test/corpus.test.ts).
 *
 * @example
 * ```ts
 * const replay: DiffEngine = async () => recorded; // an EngineReport saved from redocly
 * ```
 */
export type DiffEngine = (basePath: string, headPath: string, workDir: string) => Promise<EngineReport>;

// Trap: redocly reads the repo's redocly.yaml from its cwd, and a config that does not extend
// `diff-recommended` switches the diff rules off (a removed property then rates "patch").
// The engine always gets this one instead: every diff rule at its recommended impact.
export const ENGINE_CONFIG = "extends:\n  - diff-recommended\n";

/**
 * Runs `redocly diff` (experimental in @redocly/cli 2.77.0, pinned in the catalog) on two
 * files and returns its JSON report. Its verdicts are direction-aware and name the rule that
 * fired; spec-diff's policy decides what each one means for our packages.
 *
 * @example
 * ```ts
 * const engine = await runRedoclyDiff(scripts, before.path, after.path, workDir);
 * ```
 */
export async function runRedoclyDiff(
  scripts: PipelineScripts,
  basePath: string,
  headPath: string,
  workDir: string,
): Promise<EngineReport> {
  const config = join(workDir, "redocly-diff.yaml");
  writeFileSync(config, ENGINE_CONFIG);
  const args = ["diff", basePath, headPath, "--format", "json", "--fail-on", "none", "--config", config];
  // ENGINE_CONFIG is fixed and valid: linting it on every run costs ~10% of a small diff's CPU.
  args.push("--lint-config", "off");
  const { status, stdout, stderr } = await scripts.redoclyAsync(args, { echo: false });
  const start = stdout.indexOf("{");
  if (status !== 0 || start === -1) {
    throw new SpecDiffError(
      `redocly diff could not compare the two specs (exit ${status}):\n${(stderr || stdout).trim()}\nFix the spec it names (\`pnpm spec:lint\` explains most problems).`,
    );
  }
  const report = JSON.parse(stdout.slice(start)) as { bump?: Bump; changes?: EngineChange[] };
  if (!Array.isArray(report.changes)) {
    throw new SpecDiffError(
      "redocly diff printed a report without `changes`: its JSON format changed. Pin @redocly/cli back to the catalog version (2.77.0).",
    );
  }
  return { bump: report.bump ?? "none", changes: report.changes };
}
