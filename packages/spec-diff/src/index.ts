/**
 * `@signalwire-voice/spec-diff` (private): says what changed between two Voice API specs and
 * which release that needs. Used by `pnpm spec-diff` (PR checks) and `pnpm spec:update`.
 *
 * Everything public is listed here by name. Held back in `src/internal/`: the engine adapter
 * (redocly diff; only its report's types are public, for a caller that injects an engine), the
 * nullability normalizer, the policy rules, the TypeScript-surface checks and the compiler's
 * checker (its generated modules, the reconciling and the wire-level list), whose details
 * change as the corpus grows.
 *
 * @example
 * ```ts
 * import { diffSpecs, formatMarkdown } from "@signalwire-voice/spec-diff";
 *
 * const report = await diffSpecs({ base: "main:spec/voice.yaml", head: "spec/voice.yaml" });
 * console.log(formatMarkdown(report));
 * ```
 * @module
 */

export {
  type ChangesetVerdict,
  checkChangesets,
  type PullRequestChangeset,
  readPullRequestChangesets,
} from "./check-changesets.js";
export { type DiffOptions, diffSpecs } from "./diff-specs.js";
export { formatGithub } from "./format/format-github.js";
export { formatJson } from "./format/format-json.js";
export { formatMarkdown, MARKDOWN_MARKER } from "./format/format-markdown.js";
export type {
  DiffEngine,
  EngineChange,
  EngineReport,
  EngineSide,
  EngineVerdict,
} from "./internal/redocly-diff.js";
export type {
  Bump,
  Change,
  ChangeLocation,
  CompilerAnswer,
  CompilerCheck,
  CompilerSubject,
  Direction,
  Disagreement,
  Report,
  Severity,
} from "./report.js";
export { type CliIo, runCli } from "./run-cli.js";
export { SpecDiffError } from "./spec-diff-error.js";
export { updateSpec } from "./update-spec.js";
export { type ChangesetResult, writeChangeset } from "./write-changeset.js";
