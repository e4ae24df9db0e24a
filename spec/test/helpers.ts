import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

export const specDir = join(dirname(fileURLToPath(import.meta.url)), "..");
export const repoRoot = join(specDir, "..");

/** Loose view of an OpenAPI document: tests read it by key and assert on what they find. */
// biome-ignore lint/suspicious/noExplicitAny: tests walk arbitrary YAML.
export type Doc = Record<string, any>;

export function readYaml(path: string): Doc {
  return parse(readFileSync(path, "utf8")) as Doc;
}

/** The upstream document, exactly as committed. */
export const upstream = (): Doc => readYaml(join(specDir, "voice.yaml"));
