import type { Report, Severity } from "../report.js";

const command: Record<Severity, string> = { major: "error", minor: "warning", patch: "notice" };

/**
 * The report as GitHub Actions workflow commands: `::error` for breaking changes,
 * `::warning` for minor ones, `::notice` for patch ones, each on the spec file and line, so they
 * show up on the pull request's diff; then a notice per disagreement between the rules and the
 * compiler.
 *
 * @example
 * ```ts
 * process.stdout.write(formatGithub(report)); // in a workflow step
 * ```
 */
export function formatGithub(report: Report): string {
  const lines = report.changes.map((change) => {
    const { location } = change;
    const properties = [
      `file=${property(pathOf(location.file))}`,
      `line=${location.line}`,
      `title=${property(`spec-diff ${change.severity}: ${change.kind}`)}`,
    ].join(",");
    return `::${command[change.severity]} ${properties}::${data(change.message)}`;
  });
  for (const entry of report.disagreements) {
    const text =
      entry.kind === "rule-major-compiler-compatible"
        ? `${entry.rule?.kind ?? ""} said major; the compiler sees no break in ${entry.subjects.join(", ")}: now ${entry.severity}.`
        : `The compiler sees a break no rule rated major in ${entry.subjects.join(", ")}: ${entry.compiler.diagnostic ?? ""}`;
    lines.push(`::notice title=${property("spec-diff disagreement")}::${data(text)}`);
  }
  lines.push(`::notice title=spec-diff::${data(`Release needed: ${report.bump} (${summary(report)}).`)}`);
  return `${lines.join("\n")}\n`;
}

// A side read from git (`main:spec/voice.yaml`) is annotated on the same path in the PR.
const pathOf = (file: string) => file.replace(/^[^:]+:(?!\\)/, "");

const summary = ({ summary: { major, minor, patch } }: Report) =>
  `${major} major, ${minor} minor, ${patch} patch`;

// Escapes from GitHub's toolkit (`@actions/core` command.ts): data, then property values.
const data = (text: string) => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const property = (text: string) => data(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
