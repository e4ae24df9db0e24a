import { type RunningMockServer, startMockServer } from "@signalwire-voice/mock-server";
import { startTestServer, type TestServer } from "@signalwire-voice/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withDates } from "../src/dates/index.js";
import { ApiError, unwrap, VoiceError } from "../src/index.js";
import { checkResponse, ResponseValidationError, validateResponses } from "../src/validation/index.js";
import { CREDENTIALS, TOKEN, testClient } from "./helpers/client.js";

// Over real HTTP on 127.0.0.1: the mock server, which keeps to the spec, and a server that
// answers whatever a test sets.
let mock: RunningMockServer;
let bad: TestServer;
let answer: { status: number; type: string; body: string };
beforeAll(async () => {
  mock = await startMockServer({ logs: 300 });
  bad = await startTestServer((_, response) => {
    response.writeHead(answer.status, { "content-type": answer.type }).end(answer.body);
  });
});
afterAll(async () => {
  await mock.close();
  await bad.close();
});
const ID = "b7182dc2-00f3-40e4-a5ce-20f164b329df";
const LOG = {
  id: ID,
  from: "+15551234567",
  to: "+15557654321",
  source: "realtime_api",
  charge: 0.01,
  charge_details: [],
  created_at: "2026-01-02T03:04:05Z",
  type: "relay_pstn_call",
  url: null,
  direction: "outbound",
  status: "completed",
  duration: 12,
  duration_ms: 12_000,
  billing_ms: 12_000,
  parent_id: null,
};
const page = (...data: unknown[]) => ({ links: { self: "s", first: "f" }, data });
const serve = (body: unknown, status = 200, type = "application/json") => {
  answer = { status, type, body: typeof body === "string" ? body : JSON.stringify(body) };
};
const badClient = () => testClient({ baseUrl: `${bad.url}/api/voice`, maxRetries: 0 });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe("validateResponses", () => {
  it("passes every answer of the mock server, which keeps to the spec", async () => {
    const client = testClient({ baseUrl: `${mock.url}/api/voice`, maxRetries: 0 });
    client.use(validateResponses("throw"));
    const { data } = unwrap(
      await client.GET("/logs", { params: { query: { page_size: 1000, include_deleted: true } } }),
    );
    expect(data.length).toBeGreaterThan(300);
    for (const log of data.slice(0, 40)) {
      unwrap(await client.GET("/logs/{id}", { params: { path: { id: log.id } } }));
      unwrap(await client.GET("/logs/{id}/events", { params: { path: { id: log.id } } }));
    }
    const missing = await client.GET("/logs/{id}", {
      params: { path: { id: "00000000-0000-4000-8000-000000000000" } },
    });
    expect(missing.response.status).toBe(404);
  });

  it("throws a ResponseValidationError naming the operation, the pointer, the expectation and the log", async () => {
    serve(page(LOG, { ...LOG, id: "0b9f3c1e-2f4d-4c5b-8a6e-7d8c9b0a1f2e", created_at: "yesterday" }));
    const client = badClient();
    client.use(validateResponses("throw"));
    const error = await failure(client.GET("/logs"));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toBeInstanceOf(VoiceError);
    expect({ ...(error as ResponseValidationError) }).toMatchObject({
      name: "ResponseValidationError",
      operation: "GET /logs",
      operationId: "list_voice_logs",
      status: 200,
      pointer: "/data/1/created_at",
      expected: 'must match format "date-time"',
      received: '"yesterday"',
      logId: "0b9f3c1e-2f4d-4c5b-8a6e-7d8c9b0a1f2e",
    });
    expect((error as Error).message).toContain("GET /logs (list_voice_logs) answered 200");
  });

  it.each([
    [
      "a missing property",
      { ...LOG, from: undefined },
      "/data/0/from",
      "must be present (a required property)",
    ],
    [
      "a value outside an enum",
      { ...LOG, status: "exploded" },
      "/data/0/status",
      "must be equal to one of the allowed values",
    ],
    ["a wrong type", { ...LOG, charge: "0.01" }, "/data/0/charge", "must be number"],
    ["an id that is no uuid", { ...LOG, id: "42" }, "/data/0/id", 'must match format "uuid"'],
    [
      "a log type the spec does not list",
      { ...LOG, type: "relay_pigeon_call" },
      "/data/0/type",
      "must be one of the kinds the spec lists",
    ],
    [
      "a relay log without parent_id",
      { ...LOG, parent_id: undefined },
      "/data/0/parent_id",
      "must be present (a required property)",
    ],
    [
      "a Dialogflow log without duration",
      {
        ...LOG,
        type: "dialogflow_call",
        direction: undefined,
        duration_ms: undefined,
        billing_ms: undefined,
        parent_id: undefined,
        duration: undefined,
      },
      "/data/0/duration",
      "must be present (a required property)",
    ],
    [
      "a deleted log without created_at",
      { id: ID, discarded_at: LOG.created_at },
      "/data/0/created_at",
      "must be present (a required property)",
    ],
    [
      "a deleted log's bad date",
      { id: ID, created_at: "yesterday", discarded_at: LOG.created_at },
      "/data/0/created_at",
      'must match format "date-time"',
    ],
  ])("finds %s inside the log union", async (_, log, pointer, expected) => {
    serve(page(log));
    const client = badClient();
    client.use(validateResponses("throw"));
    const error = (await failure(client.GET("/logs"))) as ResponseValidationError;
    expect([error.pointer, error.expected.split(":")[0]]).toEqual([pointer, expected]);
  });

  it("lists every kind for an unknown log type, and every alternative of a status that may be null", async () => {
    const client = badClient();
    client.use(validateResponses("throw"));
    serve(page({ ...LOG, type: "ai_agent_call" }));
    const kind = (await failure(client.GET("/logs"))) as ResponseValidationError;
    for (const type of ["laml_call", "video_room_sip_leg", "dialogflow_call", "fabric_subscriber_device_leg"])
      expect(kind.expected).toContain(`"${type}"`);
    const fabric = {
      ...LOG,
      type: "fabric_subscriber_device_leg",
      duration: undefined,
      duration_ms: undefined,
      billing_ms: undefined,
      parent_id: undefined,
    };
    serve(page({ ...fabric, status: "nope" }));
    const status = (await failure(client.GET("/logs"))) as ResponseValidationError;
    expect([status.pointer, status.received]).toEqual(["/data/0/status", '"nope"']);
    expect(status.expected).toMatch(/allowed values: .*"completed".*, or must be null$/);
  });

  it('stays bounded on a value nested 10 000 deep, and "warn" never fails the call', async () => {
    // Written as text: JSON.stringify itself cannot go this deep.
    const text = JSON.stringify(page({ ...LOG, created_at: "DEEP" }));
    serve(text.replace('"DEEP"', `${"[".repeat(10_000)}${"]".repeat(10_000)}`));
    const throwing = badClient();
    throwing.use(validateResponses("throw"));
    const error = (await failure(throwing.GET("/logs"))) as ResponseValidationError;
    expect([error.pointer, error.received]).toEqual(["/data/0/created_at", "a list of 1"]);
    const warning = badClient();
    warning.use(
      validateResponses("warn", {
        onWarning: () => {
          throw new Error("a logger that fails");
        },
      }),
    );
    expect(unwrap(await warning.GET("/logs")).data).toHaveLength(1);
  });

  it("checks the log and events answers too, and an empty 2xx", async () => {
    const client = badClient();
    client.use(validateResponses("throw"));
    serve({
      data: [
        {
          event_at: "2026-01-02T03:04:05Z",
          level: "loud",
          name: "x",
          details: {},
          project_id: ID,
          log_id: ID,
        },
      ],
    });
    const events = (await failure(
      client.GET("/logs/{id}/events", { params: { path: { id: ID } } }),
    )) as ResponseValidationError;
    expect([events.operation, events.pointer, events.logId]).toEqual([
      "GET /logs/{id}/events",
      "/data/0/level",
      ID,
    ]);
    serve("", 200, "text/plain");
    const html = (await failure(
      client.GET("/logs/{id}", { params: { path: { id: ID } } }),
    )) as ResponseValidationError;
    expect([html.operationId, html.pointer, html.expected]).toEqual([
      "get_voice_log",
      "",
      "must be a JSON body",
    ]);
  });

  it("checks error bodies the spec describes, and leaves a proxy's HTML error page to ApiError", async () => {
    const client = badClient();
    client.use(validateResponses("throw"));
    serve({ message: "nope" }, 404);
    const error = (await failure(
      client.GET("/logs/{id}", { params: { path: { id: ID } } }),
    )) as ResponseValidationError;
    expect([error.status, error.pointer]).toEqual([404, "/error"]);
    expect(error.cause).toBeInstanceOf(ApiError);
    expect((error.cause as ApiError).status).toBe(404);
    serve("<html>Bad gateway</html>", 500, "text/html");
    expect(await failure(client.GET("/logs").then(unwrap))).toBeInstanceOf(ApiError);
    serve("<html>Bad gateway</html>", 502, "text/html");
    expect(await failure(client.GET("/logs").then(unwrap))).toBeInstanceOf(ApiError);
  });

  it("never puts the token in the error, even when the server echoes it", async () => {
    serve(page({ ...LOG, created_at: `${TOKEN} ${CREDENTIALS}`, id: `${TOKEN}-${TOKEN}` }));
    const client = badClient();
    client.use(validateResponses("throw"));
    const error = (await failure(client.GET("/logs"))) as ResponseValidationError;
    expect(error.pointer).toMatch(/^\/data\/0\//);
    expect(JSON.stringify(error) + error.message + error.stack).not.toMatch(
      new RegExp(`${TOKEN}|${CREDENTIALS}`),
    );
  });

  it('"warn" reports each distinct violation once and hands the answer over', async () => {
    const warnings: ResponseValidationError[] = [];
    const client = badClient();
    client.use(validateResponses("warn", { onWarning: (error) => warnings.push(error) }));
    serve(page({ ...LOG, created_at: "yesterday" }, { ...LOG, created_at: "today" }));
    for (let i = 0; i < 3; i++) expect(unwrap(await client.GET("/logs")).data).toHaveLength(2);
    serve(page(LOG, LOG, { ...LOG, created_at: "tomorrow" }));
    await client.GET("/logs");
    expect(warnings.map((warning) => warning.pointer)).toEqual(["/data/0/created_at"]);
    serve(page({ ...LOG, charge: "free" }));
    await client.GET("/logs");
    expect(warnings.map((warning) => warning.pointer)).toEqual(["/data/0/created_at", "/data/0/charge"]);
  });

  it('"off" checks nothing, and an unknown mode is refused', async () => {
    serve(page({ ...LOG, created_at: "yesterday" }));
    const client = badClient();
    client.use(validateResponses("off"));
    expect(unwrap(await client.GET("/logs")).data).toHaveLength(1);
    expect(() => validateResponses("strict" as "throw")).toThrow(/mode must be "off", "warn" or "throw"/);
  });

  it("checks the wire strings when the client also revives dates", async () => {
    const plain = badClient();
    plain.use(validateResponses("throw"));
    const client = withDates(plain);
    serve(page(LOG));
    const { data } = unwrap(await client.GET("/logs"));
    expect(data[0]?.created_at).toEqual(new Date(LOG.created_at));
  });
});

describe("checkResponse", () => {
  it("says nothing of a body that conforms, or of a status or operation the spec does not describe", () => {
    expect(checkResponse("GET /logs", 200, page(LOG))).toBeUndefined();
    expect(checkResponse("GET /logs", 503, "anything")).toBeUndefined();
    expect(checkResponse("DELETE /logs", 200, "anything")).toBeUndefined();
  });

  it("walks no further than the body: a hostile pointer finds no id", () => {
    const violation = checkResponse("GET /logs", 200, { links: {}, data: [] });
    expect(violation).toMatchObject({
      pointer: "/links/self",
      keyword: "required",
      received: undefined,
      logId: undefined,
    });
  });
});
