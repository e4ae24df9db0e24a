import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import * as source from "../src/index.js";
import { EMPTY_PAGE, fetchStub, json } from "./helpers/fetch-stub.js";

// The built package (turbo's test task builds it first), as ESM and CommonJS consumers load it.
const require = createRequire(import.meta.url);
const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  version: string;
};
const EXPORTS = Object.keys(source).sort();

describe.each([
  // A computed specifier: typecheck runs without a build, so dist/ is not resolved at compile time.
  [
    "ESM (import)",
    () => import(new URL("../dist/index.mjs", import.meta.url).href) as Promise<typeof source>,
  ],
  ["CommonJS (require)", async () => require("../dist/index.cjs") as typeof source],
])("the built package, %s", (_, load) => {
  it("exports exactly what src/index.ts lists", async () => {
    expect(Object.keys(await load()).sort()).toEqual(EXPORTS);
  });

  it("creates a working client whose User-Agent carries the package version", async () => {
    const built = await load();
    const fetch = fetchStub(json(EMPTY_PAGE));
    const client = built.createVoiceClient({
      baseUrl: "http://api.test/api/voice",
      projectId: "p",
      token: "PT-token",
      env: {},
      fetch,
    });
    expect(built.unwrap(await client.GET("/logs"))).toEqual(EMPTY_PAGE);
    expect(fetch.requests[0]?.headers.get("user-agent")).toBe(`signalwire-voice-client/${version}`);
  });

  it("throws its own error classes", async () => {
    const built = await load();
    expect(() => built.createVoiceClient({ env: {} })).toThrow(built.InputError);
  });
});
