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

// Two copies of the package, as an app gets when it and @signalwire-voice/pagination resolve the
// client to different installs: the ESM and the CommonJS builds are separate module instances,
// with classes of their own.
describe("errors across two copies of the package", () => {
  const copies = async () => {
    const esm = (await import(new URL("../dist/index.mjs", import.meta.url).href)) as typeof source;
    const cjs = require("../dist/index.cjs") as typeof source;
    expect(esm.ApiError).not.toBe(cjs.ApiError);
    return [
      ["ESM → CommonJS", esm, cjs],
      ["CommonJS → ESM", cjs, esm],
    ] as const;
  };
  const NAMES = ["ApiError", "NetworkError", "TimeoutError", "AbortError", "InputError"] as const;

  it("instanceof holds both ways, for VoiceError and each subclass, and only for the right one", async () => {
    for (const [, from, to] of await copies()) {
      for (const name of NAMES) {
        const error = new from[name]("m");
        expect(error instanceof to[name], `${name} of one copy is the other's ${name}`).toBe(true);
        expect(error instanceof to.VoiceError).toBe(true);
        for (const other of NAMES.filter((candidate) => candidate !== name)) {
          expect(error instanceof to[other], `${name} is not ${other}`).toBe(false);
        }
      }
      expect(new from.VoiceError("m") instanceof to.VoiceError).toBe(true);
      expect(new from.VoiceError("m") instanceof to.ApiError).toBe(false);
    }
  });

  it("holds for the errors a client of one copy throws", async () => {
    for (const [, from, to] of await copies()) {
      const thrown = (() => {
        try {
          from.createVoiceClient({ env: {} });
        } catch (error) {
          return error;
        }
      })();
      expect(thrown instanceof to.InputError).toBe(true);
      const client = from.createVoiceClient({
        baseUrl: "http://api.test/api/voice",
        projectId: "p",
        token: "PT-token",
        env: {},
        maxRetries: 0,
        fetch: fetchStub(json({ error: "Unauthorized" }, 401)),
      });
      const unwrapped = await client.GET("/logs").then((result) => {
        try {
          return from.unwrap(result);
        } catch (error) {
          return error;
        }
      });
      expect(unwrapped instanceof to.ApiError).toBe(true);
      expect(unwrapped instanceof to.VoiceError).toBe(true);
      expect((unwrapped as InstanceType<typeof to.ApiError>).is(401)).toBe(true);
    }
  });

  it("is false for look-alikes: an Error named like ours, a plain object, a primitive", async () => {
    for (const [, , to] of await copies()) {
      const named = Object.assign(new Error("m"), { name: "ApiError" });
      for (const value of [named, { name: "ApiError" }, "ApiError", null, undefined, 42]) {
        expect(value instanceof to.ApiError).toBe(false);
        expect(value instanceof to.VoiceError).toBe(false);
      }
    }
  });

  it("leaves subclasses without a brand of their own (pagination's, yours) to the usual check", async () => {
    for (const [, from, to] of await copies()) {
      // Like pagination's MaxPagesError: a VoiceError of its own kind.
      class PagesError extends from.VoiceError {
        override name = "PagesError";
      }
      class MyApiError extends from.ApiError {}
      expect(new PagesError("m") instanceof to.VoiceError).toBe(true);
      expect(new PagesError("m") instanceof PagesError).toBe(true);
      expect(new PagesError("m") instanceof to.ApiError).toBe(false);
      expect(new from.NetworkError("m") instanceof PagesError).toBe(false);
      expect(new MyApiError("m") instanceof to.ApiError).toBe(true);
      expect(new MyApiError("m") instanceof MyApiError).toBe(true);
      expect(new to.ApiError("m") instanceof MyApiError).toBe(false);
      expect(new from.ApiError("m") instanceof MyApiError).toBe(false);
    }
  });
});
