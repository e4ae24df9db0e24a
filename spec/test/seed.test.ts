import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { specDir, upstream } from "./helpers.js";
import { provenance } from "./provenance.js";
import { firstDifference, flatten, normalize, seedSpecText } from "./seed-flatten.js";

// Only while spec/voice.yaml is the spec restored from the seed page (see spec/provenance/README.md).
const seedPage = readFileSync(
  join(specDir, "provenance", provenance.seedPage ?? "000_49ef663fd3a45717.txt"),
  "utf8",
);
const seed = normalize(seedSpecText(seedPage));
const ours = (doc = upstream()) => normalize(flatten(doc).join(" "));

describe.runIf(provenance.seedPage !== undefined)(
  "spec/voice.yaml against the seed page it was restored from",
  () => {
    it("holds exactly the seed's spec, token for token", () => {
      expect(firstDifference(ours(), seed)).toBeUndefined();
    });

    // The comparison must be able to fail: each mutation below is a real kind of drift.
    const mutations: Array<[string, (doc: ReturnType<typeof upstream>) => void]> = [
      ["a removed enum value", (doc) => doc.components.schemas.VoiceLogStatus.enum.pop()],
      [
        "an extra property",
        (doc) => (doc.components.schemas.ChargeDetail.properties.currency = { type: "string" }),
      ],
      ["a reordered required list", (doc) => doc.components.schemas.DiscardedVoiceLog.required.reverse()],
      [
        "a changed type array",
        (doc) => (doc.components.schemas.RelayVoiceLog.properties.url.type = ["string"]),
      ],
      [
        "a renamed schema",
        (doc) => {
          const { uuid, ...rest } = doc.components.schemas;
          doc.components.schemas = { Uuid: uuid, ...rest };
        },
      ],
      [
        "an edited description",
        (doc) => (doc.paths["/logs"].get.parameters[0].description = "Include deleted logs."),
      ],
      ["a dropped parameter", (doc) => doc.paths["/logs"].get.parameters.splice(6, 1)],
    ];
    it.each(mutations)("notices %s", (_name, mutate) => {
      const doc = upstream();
      mutate(doc);
      expect(firstDifference(ours(doc), seed)).toMatch(/first difference at character \d+/);
    });
  },
);
