import { createRequire } from "node:module";
import { type RunningMockServer, startMockServer } from "@signalwire-voice/mock-server";
import { settle, startTestServer, type TestServer } from "@signalwire-voice/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as source from "../src/index.js";
import { voiceClient } from "./helpers/voice-client.js";

// The built package (turbo's test task builds it first), as ESM and CommonJS consumers load it.
// Paths built at run time: typecheck may run before the build, and must not need dist/.
const require = createRequire(import.meta.url);
const built = (file: string) => new URL(`../dist/${file}`, import.meta.url).href;
const EXPORTS = Object.keys(source).sort();

let server: RunningMockServer;
let other: TestServer;
beforeAll(async () => {
  server = await startMockServer({ logs: 2500 });
  other = await startTestServer();
});
afterAll(async () => {
  await server.close();
  await other.close();
});

describe.each([
  ["ESM (import)", () => import(built("index.mjs")) as Promise<typeof source>],
  ["CommonJS (require)", async () => require(new URL(built("index.cjs")).pathname) as typeof source],
])("the built package, %s", (_, load) => {
  it("exports exactly what src/index.ts lists", async () => {
    expect(Object.keys(await load()).sort()).toEqual(EXPORTS);
  });

  it("walks a list and refuses a foreign next link with its own error class", async () => {
    const loaded = await load();
    server.clearRequests();
    expect(await loaded.paginate(voiceClient(server), "/logs").toArray()).toHaveLength(2500);
    expect(server.requests).toHaveLength(3);
    server.addFault({ nth: 1, fault: { type: "foreign-next", origin: other.url } });
    const { error } = await settle(loaded.paginate(voiceClient(server), "/logs").toArray());
    server.clearFaults();
    expect(error).toBeInstanceOf(loaded.UnsafeNextLinkError);
    expect(error).toMatchObject({ name: "UnsafeNextLinkError" });
    expect(other.requests).toEqual([]);
  });
});
