import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
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

describe("@signalwire-voice/types adds no JavaScript from its main entry", () => {
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

describe("the validators and dates entry points, built, as ESM and CommonJS load them", () => {
  const log = { id: "b7182dc2-00f3-40e4-a5ce-20f164b329df", created_at: "yesterday" };
  it.each([
    ["import", async (name: string) => import(join(packageDir, `dist/${name}.mjs`))],
    ["require", async (name: string) => createRequire(import.meta.url)(join(packageDir, `dist/${name}.cjs`))],
  ])("%s: checkResponse finds what breaks the spec, and DATES says where the dates are", async (_, load) => {
    const { checkResponse } = (await load("validators")) as typeof import("../src/validators.js");
    const { DATES } = (await load("dates")) as typeof import("../src/dates.js");
    const events = {
      data: [
        {
          event_at: "2026-01-02T03:04:05Z",
          level: "info",
          name: "x",
          details: {},
          project_id: log.id,
          log_id: log.id,
        },
      ],
    };
    expect(checkResponse("GET /logs/{id}/events", 200, events)).toBeUndefined();
    expect(
      checkResponse("GET /logs/{id}", 200, { ...log, discarded_at: "2026-01-02T03:04:05Z" }),
    ).toMatchObject({
      pointer: "/created_at",
      keyword: "format",
      received: '"yesterday"',
      logId: log.id,
    });
    expect(DATES["GET /logs/{id}/events"]).toEqual({ 200: { data: [{ event_at: 1 }] } });
  });
});
