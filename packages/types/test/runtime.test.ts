import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const packageDir = join(import.meta.dirname, "..");
const read = (path: string) => readFileSync(join(packageDir, path), "utf8");
/** Source text with comments, whitespace, "use strict" and empty exports removed. */
const code = (text: string) =>
  text
    .replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "")
    .replace(/["']use strict["'];?/g, "")
    .replace(/export\s*\{\s*\};?/g, "")
    .replace(/Object\.defineProperty\(exports,\s*"__esModule",\s*\{\s*value:\s*true\s*\}\);?/g, "")
    .trim();

describe("@signalwire-voice/types adds no JavaScript", () => {
  const pkg = JSON.parse(read("package.json"));
  it.each([
    ["import", pkg.exports["."].import.default],
    ["require", pkg.exports["."].require.default],
  ])("its %s entry (%s) has no code", (_condition, entry: string) => {
    expect(code(read(entry))).toBe("");
  });

  it("imports as an empty module from ESM and CJS", async () => {
    const esm = await import("@signalwire-voice/types");
    expect(Object.keys(esm).filter((key) => key !== "default")).toEqual([]);
  });
});

describe("the generated file", () => {
  const generated = read("src/generated/voice.ts");
  it("starts with a do-not-edit header naming the command that made it", () => {
    expect(generated.split("\n").slice(0, 3).join("\n")).toMatch(
      /^\/\/ Generated file\. Do not edit[\s\S]*`pnpm generate` \(signalwire-pipeline generate --api voice\) with openapi-typescript 7\.13\.0/,
    );
  });
});
