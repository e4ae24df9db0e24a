import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diffSpecs } from "../src/index.js";
import { parseSpec } from "../src/internal/parsed-spec.js";
import { loadPipelineScripts } from "../src/internal/pipeline-scripts.js";
import { apiOf } from "../src/internal/prepare-side.js";
import { readSpecSource } from "../src/internal/spec-source.js";
import { corpusDir } from "./helpers/corpus.js";
import { repoRoot } from "./helpers/run-cli.js";

// An API's overlays go on that API's documents only: a document that is none of the
// pipeline's APIs is compared as it is, and the report says so.
const work = mkdtempSync(join(tmpdir(), "spec-diff-api-of-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const history = join(import.meta.dirname, "fixtures/voice-history/14-2026-03-10-47cb78e703.yaml");
const copy = (name: string, text: string) => {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
};
const voiceRevision = copy("downloaded.yaml", readFileSync(history, "utf8"));
// The project's first voice spec called itself `voice` and spelled its server variable %-encoded.
const oldVoice = copy(
  "old-voice.yaml",
  "openapi: 3.1.0\ninfo: {title: voice, version: 1.0.0}\nservers:\n  - url: https://%7BYour_Space_Name%7D.signalwire.com/api/voice\npaths: {}\n",
);
const restLike = copy(
  "rest-like.yaml",
  "openapi: 3.1.0\ninfo: {title: SignalWire REST API, version: 1.0.0}\npaths: {}\n",
);
const petstore = copy(
  "petstore.yaml",
  "openapi: 3.0.3\ninfo: {title: Swagger Petstore, version: 1.0.0}\nservers:\n  - url: https://petstore.example.com/v1\npaths: {}\n",
);

describe("which API a document is", () => {
  it.each([
    // document → API whose overlays it gets
    ["the voice upstream itself (by path)", join(repoRoot, "spec/voice.yaml"), "voice"],
    ["the voice upstream from git (by path)", "HEAD:spec/voice.yaml", "voice"],
    ["a downloaded Voice API revision (by title and server)", voiceRevision, "voice"],
    ["the first voice spec, titled `voice` (by its server)", oldVoice, "voice"],
    ["a SignalWire REST document (by title)", restLike, "rest"],
    ["another company's API", petstore, undefined],
    ["spec-diff's own test corpus", join(corpusDir, "base.yaml"), undefined],
  ])("%s → %s", async (_name, spec, api) => {
    const scripts = await loadPipelineScripts();
    const parsed = parseSpec(readSpecSource(spec, "head", repoRoot), "head");
    expect(apiOf(parsed, scripts.loadApis(), scripts.repoRoot)?.name).toBe(api);
  });
});

describe("the default overlays", () => {
  it("are not applied to a spec that is not SignalWire's, and the report says so", async () => {
    const head = copy("petstore-v2.yaml", readFileSync(petstore, "utf8").replace("1.0.0", "1.1.0"));
    const report = await diffSpecs({ base: petstore, head, cwd: repoRoot });
    expect(report.overlay).toBe(false);
    expect(report.changes.map((change) => change.kind)).toEqual(["docs-changed"]);
  });

  it("are applied to a Voice API revision read from anywhere", async () => {
    const report = await diffSpecs({ base: voiceRevision, head: voiceRevision, cwd: repoRoot });
    expect([report.overlay, report.bump]).toEqual([true, "none"]);
  });
});
