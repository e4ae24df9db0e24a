import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diffSpecs } from "../src/index.js";
import { repoRoot } from "./helpers/run-cli.js";

// Both sides are bundled with spec/overlays/sdk.yaml by default: what the overlay replaces
// upstream is not a change of our packages, and what it leaves alone is.
const work = mkdtempSync(join(tmpdir(), "spec-diff-overlay-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const upstream = readFileSync(join(repoRoot, "spec/voice.yaml"), "utf8");
const edited = (name: string, from: string, to: string) => {
  const path = join(work, `${name}.yaml`);
  if (!upstream.includes(from)) throw new Error(`spec/voice.yaml no longer contains ${from}`);
  writeFileSync(path, upstream.replace(from, to));
  return relative(repoRoot, path);
};
const compare = (head: string, overlays?: string[]) =>
  diffSpecs({ base: "spec/voice.yaml", head, cwd: repoRoot, ...(overlays && { overlays }) });

describe("spec-diff with the SDK overlay", () => {
  it.concurrent.each([
    // what changed upstream → bump with the overlay, bump without it
    [
      "the server (the overlay replaces it)",
      "url: https://{space_name}.signalwire.com/api/voice",
      "url: https://{space_name}.signalwire.com/api/voice/v2",
      "none",
      "major",
    ],
    [
      "the global security (the overlay requires Basic auth itself)",
      "security:\n  - SignalWireBasicAuth: []\n",
      "",
      "none",
      // Calls that send credentials keep working: not a break.
      "patch",
    ],
    [
      "a query parameter it leaves alone",
      "Return logs for activity on this date.",
      "Logs from this day.",
      "patch",
      "patch",
    ],
  ])("an edit to %s", async (_name, from, to, withOverlay, without) => {
    const head = edited(from.replace(/\W+/g, "-"), from, to);
    const [sdk, raw] = await Promise.all([compare(head), compare(head, [])]);
    expect([sdk.overlay, sdk.bump, raw.overlay, raw.bump]).toEqual([true, withOverlay, false, without]);
  });
});
