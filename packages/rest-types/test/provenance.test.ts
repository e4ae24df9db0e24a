import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const specDir = new URL("../spec/", import.meta.url);
const provenance = JSON.parse(readFileSync(new URL("provenance.json", specDir), "utf8")) as {
  source: string;
  license: string;
  sha256: string;
};

describe("spec/signalwire-rest.yaml provenance", () => {
  it("is byte for byte the upstream document recorded in spec/provenance.json", () => {
    const hash = createHash("sha256")
      .update(readFileSync(new URL("signalwire-rest.yaml", specDir)))
      .digest("hex");
    expect(hash, "spec/signalwire-rest.yaml changed by hand? Put fixes in spec/overlays/sdk.yaml.").toBe(
      provenance.sha256,
    );
  });

  it("says where it came from and under which license", () => {
    expect(provenance.source).toContain("signalwire/docs");
    expect(provenance.license).toContain("MIT");
  });
});
