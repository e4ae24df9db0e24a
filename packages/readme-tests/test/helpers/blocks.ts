import { readFileSync } from "node:fs";
import { join } from "node:path";

/** A fenced TypeScript block of a README, as a user would copy it. */
export interface CodeBlock {
  /** `README.md#quick-start`, `packages/client/README.md#errors-2`: README path + heading slug. */
  id: string;
  /** The README, relative to the repo root. */
  readme: string;
  /** README line of the block's first line of code (1-based). */
  line: number;
  /** `false` for a block fenced as ```ts no-run: compiled, never run (e.g. it needs a real Space). */
  run: boolean;
  code: string;
}

const LANGUAGES = new Set(["ts", "typescript", "mts"]);
const FENCE = /^(\s*)(`{3,})\s*([\w-]*)\s*(.*)$/;

/**
 * Every TypeScript block of a README, with its id (the heading it sits under, numbered from the
 * second block under the same heading) and where it is.
 *
 * @example
 * extractBlocks(repoRoot, "packages/client/README.md")[0]?.id // "packages/client/README.md#quick-start"
 */
export function extractBlocks(repoRoot: string, readme: string): CodeBlock[] {
  const lines = readFileSync(join(repoRoot, readme), "utf8").split("\n");
  const blocks: CodeBlock[] = [];
  const seen = new Map<string, number>();
  let slug = "";
  for (let index = 0; index < lines.length; index++) {
    const text = lines[index] ?? "";
    const heading = /^#{1,6}\s+(.*)$/.exec(text);
    if (heading) slug = slugOf(heading[1] ?? "");
    const fence = FENCE.exec(text);
    if (!fence) continue;
    const [, indent = "", ticks = "", language = "", info = ""] = fence;
    const end = lines.findIndex((line, at) => at > index && line.trimStart().startsWith(ticks));
    if (end === -1) throw new Error(`${readme}:${index + 1}: a code fence that never closes.`);
    if (LANGUAGES.has(language)) {
      const count = (seen.get(slug) ?? 0) + 1;
      seen.set(slug, count);
      blocks.push({
        id: `${readme}#${slug}${count > 1 ? `-${count}` : ""}`,
        readme,
        line: index + 2,
        run: !info.split(/\s+/).includes("no-run"),
        code: lines
          .slice(index + 1, end)
          .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line))
          .join("\n"),
      });
    }
    index = end;
  }
  return blocks;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
function slugOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .trim()
    .replace(/\s/g, "-");
}
