import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Change, Report } from "./report.js";

/**
 * What `writeChangeset` did: the file it wrote, or why it wrote none.
 *
 * @example
 * ```ts
 * const result: ChangesetResult = { written: false, reason: "No spec changes, so no changeset was written." };
 * ```
 */
export type ChangesetResult =
  | { written: true; path: string; packages: { name: string; bump: string }[] }
  | { written: false; reason: string };

/**
 * Writes `.changeset/spec-<hash>.md` for the report's `packages` (those whose public surface the
 * spec change touches: types and client), with the report's bump and one line per change in a user's
 * words. The name comes from the changes, so running it twice rewrites the same file. A
 * report with bump "none" writes nothing.
 *
 * @example
 * ```ts
 * const result = writeChangeset(report, ".changeset");
 * console.log(result.written ? `wrote ${result.path}` : result.reason);
 * ```
 */
export function writeChangeset(report: Report, dir: string): ChangesetResult {
  if (report.bump === "none")
    return { written: false, reason: "No spec changes, so no changeset was written." };
  const { packages } = report;
  if (packages.length === 0) {
    return { written: false, reason: "No published package re-exposes the spec; no changeset written." };
  }
  const hash = createHash("sha256").update(JSON.stringify(report.changes)).digest("hex").slice(0, 10);
  const path = join(dir, `spec-${hash}.md`);
  const frontmatter = packages.map(({ name, bump }) => `"${name}": ${bump}`);
  const body = report.changes.map((change) => `- ${label(change)}${change.message}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path, ["---", ...frontmatter, "---", "", headline(report), "", ...body, ""].join("\n"));
  return { written: true, path, packages };
}

function headline({ summary: { major, minor, patch } }: Report): string {
  const parts = [
    major && `${major} breaking`,
    minor && `${minor} new or widened`,
    patch && `${patch} docs or detail`,
  ].filter(Boolean);
  return `Follow SignalWire's latest Voice API spec (${parts.join(", ")} change${major + minor + patch === 1 ? "" : "s"}).`;
}

const label = (change: Change) =>
  change.severity === "major" ? "**Breaking:** " : change.kind === "docs-changed" ? "Docs: " : "";
