import { readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { diffSpecs, type Report } from "../src/index.js";

// SignalWire's real Voice spec history (fixtures/voice-history/SOURCE.md). Each consecutive
// pair is classified without crashing, and the verdicts are pinned in history.verdicts.md,
// which was reviewed by hand: a changed verdict fails here until someone reviews it again.
const here = dirname(fileURLToPath(import.meta.url));
const dir = join(here, "fixtures/voice-history");
const files = readdirSync(dir)
  .filter((file) => file.endsWith(".yaml"))
  .sort();
const pairs = files.slice(1).map((head, index) => [files[index] ?? "", head] as const);

function render(pair: readonly [string, string], upstream: Report, sdk: Report): string {
  const docs = upstream.changes.filter((change) => change.kind === "docs-changed").length;
  const lines = [
    `## ${pair[0]} → ${pair[1]}`,
    "",
    `upstream: **${upstream.bump}** (${upstream.summary.major} major, ${upstream.summary.minor} minor, ${upstream.summary.patch} patch); with the SDK overlay: **${sdk.bump}**`,
    "",
  ];
  for (const change of upstream.changes) {
    if (change.kind === "docs-changed") continue;
    const { side, line, pointer } = change.location;
    lines.push(`- ${change.severity} \`${change.kind}\` ${side}:${line} \`${pointer}\` — ${change.message}`);
  }
  if (docs) lines.push(`- patch \`docs-changed\` × ${docs}`);
  return lines.join("\n").trimEnd();
}

describe("SignalWire's real Voice spec history", () => {
  it("classifies every consecutive pair, with and without the SDK overlay, as reviewed", async () => {
    const sections = await Promise.all(
      pairs.map(async (pair) => {
        const [base, head] = pair.map((file) => relative(process.cwd(), join(dir, file)));
        const options = { base: base ?? "", head: head ?? "" };
        const [upstream, sdk] = await Promise.all([
          diffSpecs({ ...options, overlays: [] }),
          diffSpecs(options),
        ]);
        return render(pair, upstream, sdk);
      }),
    );
    const header =
      "# Reviewed spec-diff verdicts on SignalWire's Voice spec history\n\nRegenerate with `pnpm vitest run test/history.test.ts -u`, then review every changed line.\n";
    await expect(`${header}\n${sections.join("\n\n")}\n`).toMatchFileSnapshot("./history.verdicts.md");
  });
});
