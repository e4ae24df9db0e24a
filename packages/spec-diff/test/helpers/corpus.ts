import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse, stringify } from "yaml";
import type { Bump } from "../../src/index.js";
import { applyPatch, type PatchOperation } from "./json-patch.js";

export const corpusDir = join(dirname(fileURLToPath(import.meta.url)), "../corpus");

/** One single-change pair: corpus/base.yaml + `setup` on both sides, + `patch` on the head. */
export interface CorpusCase {
  name: string;
  why: string;
  bump: Bump;
  kind?: string;
  setup?: PatchOperation[];
  patch: PatchOperation[];
}

export function loadCorpus(): CorpusCase[] {
  const dir = join(corpusDir, "cases");
  return readdirSync(dir)
    .filter((file) => file.endsWith(".yaml"))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), "utf8");
      const why = text.split("\n")[0]?.replace(/^#\s*/, "") ?? "";
      return { name: file.replace(/\.yaml$/, ""), why, ...(parse(text) as Omit<CorpusCase, "name" | "why">) };
    });
}

/** Writes the case's base.yaml and head.yaml into `dir` and returns their paths. */
export function materialize(testCase: CorpusCase, dir: string): { base: string; head: string } {
  const original = parse(readFileSync(join(corpusDir, "base.yaml"), "utf8")) as unknown;
  const base = applyPatch(original, testCase.setup ?? []);
  const head = applyPatch(base, testCase.patch);
  mkdirSync(dir, { recursive: true });
  const paths = { base: join(dir, "base.yaml"), head: join(dir, "head.yaml") };
  writeFileSync(paths.base, stringify(base));
  writeFileSync(paths.head, stringify(head));
  return paths;
}
