import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { specDir } from "./helpers.js";
import { provenance, sha256 } from "./provenance.js";

describe("spec/voice.yaml provenance", () => {
  it("is byte for byte the upstream document recorded in spec/provenance/voice.json", () => {
    expect(
      sha256(join(specDir, "voice.yaml")),
      "spec/voice.yaml changed by hand? Put SDK fixes in spec/overlays/sdk.yaml; take new upstream specs with `pnpm spec:update <file>`.",
    ).toBe(provenance.sha256);
  });

  it("says where it came from", () => {
    expect(provenance.source.length).toBeGreaterThan(20);
  });
});
