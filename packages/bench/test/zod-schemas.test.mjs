// @ts-check
// The committed zod schemas of the contract bench are what `redocly generate-client` makes of
// the voice bundle today (run `pnpm spec:bundle` first, as turbo's test task does).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { loadApis } from "@signalwire-voice/pipeline";
import { zodSchemas, zodSchemasFile } from "../src/zod-schemas.mjs";

test("src/generated/voice.zod.mjs is current (else: node src/zod-schemas.mjs)", () => {
  const [voice] = loadApis("voice");
  const fresh = zodSchemas(/** @type {{ bundle: string }} */ (voice).bundle);
  assert.ok(readFileSync(zodSchemasFile, "utf8") === fresh, "regenerate it: node src/zod-schemas.mjs");
});
