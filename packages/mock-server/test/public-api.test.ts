import { createRequire } from "node:module";
import { describe, expect, expectTypeOf, it } from "vitest";
import * as api from "../src/index.js";
import {
  createMockServer,
  type Fault,
  type FaultRule,
  type MockServer,
  type RecordedRequest,
  type RunningMockServer,
  startMockServer,
} from "../src/index.js";

describe("the public face", () => {
  it("exports these values and nothing else", () => {
    expect(Object.keys(api).sort()).toEqual(["MOCK_SERVER_DEFAULTS", "createMockServer", "startMockServer"]);
    expect(api.MOCK_SERVER_DEFAULTS).toEqual({
      logs: 1000,
      seed: 1,
      projectId: "test-project",
      token: "test-token",
    });
  });

  it("is the same from the built ESM and CJS entries (the package's own name)", async () => {
    // By name, resolved at run time: typecheck runs before the build that makes dist/.
    const name = "@signalwire-voice/mock-server";
    const esm = (await import(name)) as typeof api;
    const cjs = createRequire(import.meta.url)(name) as typeof api;
    expect(Object.keys(esm).sort()).toEqual(Object.keys(api).sort());
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(api).sort());
    const response = await cjs.createMockServer().fetch("http://mock.test/api/voice/logs");
    expect(response.status).toBe(401);
  });

  it("has the agreed signatures", () => {
    expectTypeOf(createMockServer).returns.toEqualTypeOf<MockServer>();
    expectTypeOf(startMockServer).returns.toEqualTypeOf<Promise<RunningMockServer>>();
    expectTypeOf<RunningMockServer>().toExtend<MockServer>();
    expectTypeOf<RunningMockServer["baseUrl"]>().toEqualTypeOf<string>();
    expectTypeOf<MockServer["requests"]>().toEqualTypeOf<readonly RecordedRequest[]>();
    expectTypeOf<MockServer["fetch"]>().toExtend<(request: Request) => Promise<Response>>();
    // Usable wherever a fetch is injected.
    expectTypeOf<MockServer["fetch"]>().toExtend<typeof globalThis.fetch>();
  });

  it("types fault rules tightly", () => {
    expectTypeOf<{ nth: [2, 3]; fault: { type: "server-error"; status: 503 } }>().toExtend<FaultRule>();
    expectTypeOf<Extract<Fault, { type: "foreign-next" }>>().toEqualTypeOf<{
      type: "foreign-next";
      origin: string;
    }>();
    // @ts-expect-error 404 is not a server error
    const notFound: Fault = { type: "server-error", status: 404 };
    // @ts-expect-error foreign-next needs the origin to link to
    const noOrigin: Fault = { type: "foreign-next" };
    expect([notFound, noOrigin]).toHaveLength(2);
  });
});
