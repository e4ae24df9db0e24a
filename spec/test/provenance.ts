import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { specDir } from "./helpers.js";

/** spec/provenance/voice.json: where spec/voice.yaml came from. */
export interface Provenance {
  source: string;
  /** Set while spec/voice.yaml is the one restored from this seed page. */
  seedPage?: string;
  sha256: string;
}

export const provenance = JSON.parse(
  readFileSync(join(specDir, "provenance/voice.json"), "utf8"),
) as Provenance;

export const sha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");
