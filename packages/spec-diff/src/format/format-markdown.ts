import type { Report, Severity } from "../report.js";
import { compilerSection } from "./format-compiler.js";

/**
 * Marks the comment, so a workflow can find and update its own earlier (sticky) comment.
 *
 * @example
 * ```ts
 * const mine = comments.find((comment) => comment.body.startsWith(MARKDOWN_MARKER));
 * ```
 */
export const MARKDOWN_MARKER = "<!-- spec-diff -->";

const badge: Record<Severity, string> = { major: "🔴 major", minor: "🟡 minor", patch: "⚪ patch" };

/**
 * The report as a pull-request comment: one summary line, a table of the changes, most
 * severe first, then the compiler's answer and where it disagrees with the rules.
 *
 * @example
 * ```ts
 * writeFileSync("spec-diff.md", formatMarkdown(report)); // posted by the PR workflow
 * ```
 */
export function formatMarkdown(report: Report): string {
  const { major, minor, patch } = report.summary;
  const lines = [MARKDOWN_MARKER];
  if (report.bump === "none") {
    lines.push(`**Spec diff: no changes** between \`${report.base}\` and \`${report.head}\`.`);
    return `${lines.join("\n")}\n`;
  }
  // Patch is docs and details the types do not see (a relaxed bound): only docs are called docs.
  const docs = report.changes.filter((change) => change.kind === "docs-changed").length;
  const patches = `${patch} patch${docs === 0 ? "" : docs === patch ? " (docs-only)" : ` (${docs} docs-only)`}`;
  lines.push(
    `**Spec diff: ${report.bump} release needed** — ${major} breaking, ${minor} minor, ${patches} ` +
      `(\`${report.base}\` → \`${report.head}\`${report.overlay ? ", with the SDK overlay" : ""}).`,
    "",
    "| Severity | Change | Where | Rule |",
    "| --- | --- | --- | --- |",
  );
  for (const change of report.changes) {
    const { file, line, pointer } = change.location;
    lines.push(
      `| ${badge[change.severity]} | ${cell(change.message)} | \`${cell(file)}:${line}\` <sub>${cell(pointer)}</sub> | \`${change.kind}\`${change.confirmedBy ? ` <sub>${change.confirmedBy}</sub>` : ""} |`,
    );
  }
  lines.push(...compilerSection(report));
  return `${lines.join("\n")}\n`;
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
