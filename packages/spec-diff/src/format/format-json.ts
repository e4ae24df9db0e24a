import type { Report } from "../report.js";

/**
 * The report as JSON, for CI steps and scripts: top-level `bump` ("major" | "minor" |
 * "patch" | "none"), `summary` counts, `changes[]` (severity, kind, message, location,
 * `confirmedBy`), `compiler` (the compiler's answer per operation) and `disagreements[]`.
 *
 * @example
 * ```ts
 * const { bump } = JSON.parse(formatJson(report)) as { bump: string };
 * ```
 */
export function formatJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
