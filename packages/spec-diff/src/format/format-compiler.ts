import type { CompilerSubject, Disagreement, Report } from "../report.js";

const verdictBadge = (subject: CompilerSubject) =>
  subject.presence === "removed"
    ? "🔴 removed"
    : subject.verdict === "breaks"
      ? "🔴 breaks"
      : subject.presence === "added"
        ? "🟢 added"
        : "🟢 compatible";

/**
 * The compiler's answer as a markdown section: a line per operation whose types changed (and
 * per schema that breaks), the names that disappeared, and every disagreement with the rules.
 * Empty when the compiler did not run.
 *
 * @example
 * ```ts
 * const lines = compilerSection(report); // ["", "### Compiler", ...]
 * ```
 */
export function compilerSection(report: Report): string[] {
  const { compiler } = report;
  if (compiler.status === "skipped") return [];
  if (compiler.status === "failed") {
    return [
      "",
      "### Compiler",
      "",
      `The compiler could not judge (the rules' answer stands): ${cell(compiler.error ?? "")}`,
    ];
  }
  const changed = compiler.operations.filter((subject) => subject.changed);
  const breaking = compiler.operations.filter((subject) => subject.verdict === "breaks");
  const schemas = compiler.schemas.filter((subject) => subject.verdict === "breaks");
  const lines = [
    "",
    "### Compiler",
    "",
    `TypeScript ${compiler.typescript ?? ""} over both sides' generated types: ${breaking.length} of ` +
      `${compiler.operations.length} operations break, ${changed.length - breaking.length} changed compatibly, ` +
      `${compiler.operations.length - changed.length} unchanged; exported names removed: ${compiler.removedNames.length}.`,
  ];
  if (changed.length + schemas.length > 0) {
    lines.push("", "| Operation | Compiler | Where |", "| --- | --- | --- |");
    for (const subject of [...changed, ...schemas]) {
      lines.push(`| \`${cell(subject.subject)}\` | ${verdictBadge(subject)} | ${cell(why(subject))} |`);
    }
  }
  if (compiler.removedNames.length > 0) {
    lines.push("", `Removed names: ${compiler.removedNames.map((name) => `\`${cell(name)}\``).join(", ")}.`);
  }
  const downgraded = report.disagreements.filter((entry) => entry.kind === "rule-major-compiler-compatible");
  const missed = report.disagreements.filter((entry) => entry.kind === "compiler-break-rule-missed");
  if (downgraded.length > 0) {
    lines.push(
      "",
      `**Disagreements: a rule said major, the compiler sees no break** (${downgraded.length}, downgraded):`,
    );
    for (const entry of downgraded) lines.push(`- ${disagreement(entry)}`);
  }
  if (missed.length > 0) {
    lines.push(
      "",
      `**Disagreements: the compiler sees a break no rule rated major** (${missed.length}, now major):`,
    );
    for (const entry of missed) lines.push(`- ${disagreement(entry)}`);
  }
  return lines;
}

/** The checks that break (or changed), with the compiler's words. */
function why(subject: CompilerSubject): string {
  if (subject.presence !== "compared") return "";
  const breaks = subject.checks.filter((check) => check.verdict === "breaks");
  if (breaks.length > 0)
    return breaks.map((check) => `\`${check.target}\`: ${check.diagnostic ?? ""}`).join("; ");
  return subject.checks
    .filter((check) => check.changed)
    .map((check) => `\`${check.target}\``)
    .join(", ");
}

function disagreement(entry: Disagreement): string {
  const where = entry.subjects.map((subject) => `\`${subject}\``).join(", ");
  if (entry.rule) {
    return `\`${entry.rule.kind}\`: ${cell(entry.rule.message)} — compiler: compatible in ${where || "nothing it judged"} → ${entry.severity}`;
  }
  return `${where}: ${cell(entry.compiler.diagnostic ?? "")}`;
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
