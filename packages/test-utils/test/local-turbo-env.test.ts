import { describe, expect, it } from "vitest";
import { localTurboEnv } from "../src/index.js";

describe("localTurboEnv", () => {
  it("drops every TURBO_ variable of this process, keeps the rest, turns telemetry off", () => {
    process.env.TURBO_TOKEN = "secret-token";
    process.env.TURBO_API = "http://127.0.0.1:1";
    try {
      const env = localTurboEnv({ NO_COLOR: "1" });
      expect(Object.keys(env).filter((name) => name.startsWith("TURBO_"))).toEqual([
        "TURBO_TELEMETRY_DISABLED",
      ]);
      expect(env).toMatchObject({ PATH: process.env.PATH, NO_COLOR: "1", TURBO_TELEMETRY_DISABLED: "1" });
    } finally {
      delete process.env.TURBO_TOKEN;
      delete process.env.TURBO_API;
    }
  });
});
