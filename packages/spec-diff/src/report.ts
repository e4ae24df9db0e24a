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
  /**
   * Why a major change is major, once the compiler has judged: `compiler` (it found the
   * break too) or `wire-level` (a rule from the reviewed list of breaks the types cannot
   * show, such as a removed server). Absent on other changes, and when the compiler did not run.
   */
  confirmedBy?: "compiler" | "wire-level";
}

/**
 * The whole result of comparing two specs.
 *
 * @example
 * ```ts
 * const report: Report = { base: "main:spec/voice.yaml", head: "spec/voice.yaml", overlay: true,
 *   bump: "none", summary: { major: 0, minor: 0, patch: 0 }, packages: [], changes: [],
 *   compiler: { status: "skipped", operations: [], schemas: [], removedNames: [] }, disagreements: [] };
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
  /** The TypeScript compiler's own answer, over the types generated from each side. */
  compiler: CompilerAnswer;
  /** Where the rules and the compiler disagree, and what the report settled on. */
  disagreements: Disagreement[];
}

/**
 * One assignability question the compiler answered about a part of an operation or schema.
 *
 * @example
 * ```ts
 * const check: CompilerCheck = { target: "query", flow: "request", verdict: "breaks", changed: true,
 *   diagnostic: "Property 'region' is missing in type '{ page_size?: number; }' but required in type '{ region: string; }'." };
 * ```
 */
export interface CompilerCheck {
  /** `path`, `query`, `header`, `cookie`, `requestBody`, `<status> <content type>` or `schema`. */
  target: string;
  /**
   * `request`: the old type must be assignable to the new one (old calls still compile),
   * with no key the new type lost; `response`: the new type to the old one (old code still
   * handles what arrives); `both`: a schema used both ways, or by no operation.
   */
  flow: "request" | "response" | "both";
  verdict: "compatible" | "breaks";
  /** False when the two types are assignable both ways with the same keys: nothing changed. */
  changed: boolean;
  /** The compiler's diagnostic, shortened; only when `verdict` is "breaks". */
  diagnostic?: string;
}

/**
 * The compiler's answer for one operation (`GET /logs`) or one changed schema
 * (`components["schemas"]["Log"]`): the worst of its checks.
 *
 * @example
 * ```ts
 * const subject: CompilerSubject = { subject: "DELETE /logs/{id}", presence: "removed",
 *   verdict: "breaks", changed: true, checks: [] };
 * ```
 */
export interface CompilerSubject {
  subject: string;
  /** `compared` (on both sides), `added` (compatible) or `removed` (breaks: code that calls it no longer compiles). */
  presence: "compared" | "added" | "removed";
  verdict: "compatible" | "breaks";
  changed: boolean;
  checks: CompilerCheck[];
}

/**
 * The compiler's judgment: base and head generated with openapi-typescript (as `pnpm generate`
 * does), then one TypeScript program asks, per operation, whether old calls still compile and
 * whether new responses fit old code, and which exported names disappeared.
 *
 * @example
 * ```ts
 * if (report.compiler.status === "failed") console.warn(report.compiler.error);
 * ```
 */
export interface CompilerAnswer {
  /** `checked`; `skipped` when not asked for; `failed` when the types could not be made or compiled (`error` says why; the rules' answer stands). */
  status: "checked" | "skipped" | "failed";
  error?: string;
  /** The TypeScript version that judged. */
  typescript?: string;
  /** Every operation of either side, by `METHOD /path`. */
  operations: CompilerSubject[];
  /** Every schema whose definition differs between the sides. */
  schemas: CompilerSubject[];
  /** Names the base's generated module exported and the head's does not: `components["schemas"]["Log"]`, `operations["list_logs"]`, `paths["/logs"]`. */
  removedNames: string[];
}

/**
 * A change the rules and the compiler judge differently.
 * - `rule-major-compiler-compatible`: a rule said major, the compiler sees no break where it
 *   points, and the rule is not a wire-level one: the change is downgraded to `severity`
 *   (minor if the types changed at all, else patch).
 * - `compiler-break-rule-missed`: the compiler found a break no rule rated major; the report
 *   carries it as a `compiler-break` change and the bump is major.
 *
 * @example
 * ```ts
 * const downgraded = report.disagreements.filter((d) => d.kind === "rule-major-compiler-compatible");
 * ```
 */
export interface Disagreement {
  kind: "rule-major-compiler-compatible" | "compiler-break-rule-missed";
  /** The operations, schemas or names concerned. */
  subjects: string[];
  /** The rule's answer: its kind and message, as rated before the compiler's. */
  rule?: { kind: string; severity: Severity; message: string; pointer: string };
  /** The compiler's answer, with its diagnostic when it found a break. */
  compiler: { verdict: "compatible" | "breaks"; diagnostic?: string };
  /** The severity the change has in `changes`. */
  severity: Severity;
}
