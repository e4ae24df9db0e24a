import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import * as datesSource from "../src/dates/index.js";
import * as source from "../src/index.js";
import * as validationSource from "../src/validation/index.js";
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

describe.each([
  [
    "ESM (import)",
    async () => ({
      main: (await import(new URL("../dist/index.mjs", import.meta.url).href)) as typeof source,
      dates: (await import(new URL("../dist/dates.mjs", import.meta.url).href)) as typeof datesSource,
      validation: (await import(
        new URL("../dist/validation.mjs", import.meta.url).href
      )) as typeof validationSource,
    }),
  ],
  [
    "CommonJS (require)",
    async () => ({
      main: require("../dist/index.cjs") as typeof source,
      dates: require("../dist/dates.cjs") as typeof datesSource,
      validation: require("../dist/validation.cjs") as typeof validationSource,
    }),
  ],
])("the built dates and validation entry points, %s", (_, load) => {
  it("export exactly what their index files list", async () => {
    const { dates, validation } = await load();
    expect(Object.keys(dates).sort()).toEqual(Object.keys(datesSource).sort());
    expect(Object.keys(validation).sort()).toEqual(Object.keys(validationSource).sort());
  });

  it("work on the main entry's client, their errors of its VoiceError family", async () => {
    const { main, dates, validation } = await load();
    const log = { id: "b7182dc2-00f3-40e4-a5ce-20f164b329df", created_at: "2026-01-02T03:04:05Z" };
    const page = (created_at: string) => ({
      links: { self: "s", first: "f" },
      data: [{ ...log, created_at }],
    });
    let body = page(log.created_at);
    const options = { baseUrl: "http://api.test/api/voice", projectId: "p", token: "PT-token", env: {} };
    const client = main.createVoiceClient({ ...options, fetch: async () => Response.json(body) });
    const dated = dates.withDates(client);
    expect(main.unwrap(await dated.GET("/logs")).data[0]?.created_at).toEqual(new Date(log.created_at));
    client.use(validation.validateResponses("throw"));
    body = page("yesterday");
    const error = await client.GET("/logs").catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(validation.ResponseValidationError);
    expect(error).toBeInstanceOf(main.VoiceError);
  });
});
