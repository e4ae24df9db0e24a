/**
 * The shape of a spec-diff report: what `--format json` prints and what every formatter reads.
 * @module
 */

/**
 * How much a change matters to someone who upgrades: semver's three levels.
 * @example
 * ```ts
 * const breaking: Severity = "major";
 * ```
 */
export type Severity = "major" | "minor" | "patch";

/**
 * The release a set of changes needs: the highest severity among them, or "none".
 * @example
 * ```ts
 * if (report.bump === "none") console.log("nothing to release");
 * ```
 */
export type Bump = Severity | "none";

/**
 * Which way data flows through the changed node: what callers send, or what they receive.
 * @example
 * ```ts
 * const sentByCallers = change.directions.includes("request");
 * ```
 */
export type Direction = "request" | "response";

/**
 * Where a change is, in the document a reader has open: the head file for what was added or
 * changed, the base file for what was removed.
 * @example
 * ```ts
 * const where: ChangeLocation = { file: "spec/voice.yaml", side: "head", pointer: "#/paths/~1logs", line: 6 };
 * ```
 */
export interface ChangeLocation {
  /** The spec as the user named it: a path, or `ref:path` for a git revision. */
  file: string;
  /** `head` or `base`: which of the two documents `file` and `line` point into. */
  side: "head" | "base";
  /** JSON pointer of the changed node, e.g. `#/components/schemas/Log/properties/url`. */
  pointer: string;
  /** 1-based line of that node (or of its nearest ancestor that exists in the source file). */
  line: number;
}

/**
 * One change between the two specs.
 *
 * @example
 * ```ts
 * const change: Change = {
 *   severity: "major",
 *   kind: "parameter-removed",
 *   message: "GET /logs: the query parameter `created_after` was removed.",
 *   location: { file: "spec/voice.yaml", side: "base", pointer: "#/paths/~1logs/get/parameters/2", line: 40 },
 *   directions: ["request"],
 * };
 * ```
 */
export interface Change {
  severity: Severity;
  /** A stable id of the rule that classified it (redocly's rule id, or one of ours). */
  kind: string;
  /** One line in plain words: where, and what it means for a caller. */
  message: string;
  location: ChangeLocation;
  /** Request, response or both; empty when the node is in no operation (e.g. servers). */
  directions: Direction[];
}

/**
 * The whole result of comparing two specs.
 *
 * @example
 * ```ts
 * const report: Report = { base: "main:spec/voice.yaml", head: "spec/voice.yaml", overlay: true,
 *   bump: "none", summary: { major: 0, minor: 0, patch: 0 }, packages: [], changes: [] };
 * ```
 */
export interface Report {
  base: string;
  head: string;
  /** Whether both sides were bundled with our overlays before comparing. */
  overlay: boolean;
  bump: Bump;
  summary: Record<Severity, number>;
  /**
   * The published packages whose public surface the change reaches, each with the bump it needs:
   * what `--write-changeset` writes and the PR check asks of the PR's changesets. Empty when
   * `bump` is "none".
   */
  packages: { name: string; bump: Severity }[];
  /** Most severe first; then in document order. */
  changes: Change[];
}
