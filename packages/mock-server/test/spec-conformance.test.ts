import type { VoiceLog } from "@signalwire-voice/types";
import { describe, expect, it } from "vitest";
import { createMockServer, type Fault, type MockServer } from "../src/index.js";
import { AUTH, LOGS_URL, listAll, logsUrl, logUrl, ORIGIN, walk } from "./helpers.js";
import { type Operation, operationOf, specStatusesOf, violations } from "./response-violations.js";

interface Answer {
  name: string;
  operation: Operation;
  status: number;
  contentType: string | null;
  body: unknown;
}

const answers: Answer[] = [];
/** Each answer is judged by the spec's schema for the operation its URL names (GET /logs otherwise). */
async function record(name: string, server: MockServer, url: string, init: RequestInit = { headers: AUTH }) {
  const response = await server.fetch(url, init);
  const contentType = response.headers.get("content-type");
  const operation = operationOf(url) ?? "GET /logs";
  const answer: Answer = {
    name,
    operation,
    status: response.status,
    contentType,
    body: await response.json(),
  };
  answers.push(answer);
  return answer;
}

// Every path through the server that answers JSON.
const server = createMockServer({ logs: 3000 });
for (let next: string | undefined = logsUrl({ page_size: 1000, include_deleted: "true" }); next; ) {
  const { body } = await record(`page ${next}`, server, next);
  next = (body as { links: { next?: string } }).links.next;
}
const pageTwo = await walk(server.fetch, logsUrl({ page_size: 10 })).then((pages) => pages[1]);
await record("a prev link", server, pageTwo?.links.prev ?? "");
for (const params of [
  { page_size: 1 },
  { page_size: 1000, include_deleted: "false" },
  { created_before: "2025-12-31T12:00:00Z" },
  { created_after: "2025-12-31T23:00:00+01:00" },
  { created_on: "2025-12-31" },
  { created_on: "2025-12-31", created_before: "2025-12-31T01:00:00Z", page_size: 5 },
  { created_after: "2030-01-01" },
  { page_size: "abc", page_number: -1, include_deleted: "maybe", created_on: "later" },
  { page_number: 3 },
  { page_number: 1, page_token: "PAbad" },
]) {
  await record(`GET ${JSON.stringify(params)}`, server, logsUrl(params));
}
await record("no credentials", server, LOGS_URL, {});
await record("a bad query", server, `${LOGS_URL}?page_size=%E0`);
await record("an unknown path", server, `${ORIGIN}/api/voice/calls`);
await record("POST", server, LOGS_URL, { method: "POST", headers: AUTH });
server.insertLogs(25);
await record("after insertLogs", server, logsUrl({ page_size: 30 }));
const emptyServer = createMockServer({ logs: 0 });
await record("an empty account", emptyServer, LOGS_URL);
for (const fault of [
  { type: "rate-limit", retryAfter: 2 },
  { type: "server-error", status: 500 },
  { type: "server-error", status: 502 },
  { type: "server-error", status: 503 },
  { type: "delay", ms: 1 },
  { type: "foreign-next", origin: "http://127.0.0.1:9" },
  { type: "repeat-next" },
] satisfies Fault[]) {
  const faulty = createMockServer({ logs: 20, faults: [{ fault }] });
  await record(`fault ${JSON.stringify(fault)}`, faulty, logsUrl({ page_size: 5 }));
}

// GET /logs/{id} and its events, for every log of the 3000 (discarded ones included), and the
// answers that are not 200: unknown, malformed and badly encoded ids, no credentials, POST, faults.
const { logs: everyLog } = await listAll(server.fetch);
const byId: Answer[] = [];
for (const log of everyLog) {
  for (const suffix of ["", "/events"]) {
    const url = logUrl(log.id, suffix);
    const response = await server.fetch(url, { headers: AUTH });
    const contentType = response.headers.get("content-type");
    const operation = operationOf(url) ?? "GET /logs";
    byId.push({ name: url, operation, status: response.status, contentType, body: await response.json() });
  }
}
for (const suffix of ["", "/events"]) {
  const known = everyLog[0]?.id ?? "";
  const of = suffix ? "events of" : "log";
  await record(`${of} an unknown id`, server, logUrl("b7182dc2-00f3-40e4-a5ce-20f164b329df", suffix));
  await record(`${of} a malformed id`, server, logUrl("not-a-uuid", suffix));
  await record(`${of} an id with broken encoding`, server, logUrl("%E0", suffix));
  await record(`${of} a log, without credentials`, server, logUrl(known, suffix), {});
  await record(`POST ${of} a log`, server, logUrl(known, suffix), { method: "POST", headers: AUTH });
  // everyLog was listed after insertLogs(25): its first log is an inserted one.
  await record(`${of} an inserted log`, server, logUrl(known, suffix));
  for (const fault of [
    { type: "server-error", status: 500 },
    { type: "rate-limit" },
    { type: "server-error", status: 503 },
    { type: "foreign-next", origin: "http://127.0.0.1:9" },
  ] satisfies Fault[]) {
    const faulty = createMockServer({ logs: 20, faults: [{ path: `/api/voice/logs/{id}${suffix}`, fault }] });
    const [first] = (await listAll(faulty.fetch)).logs;
    await record(`${of} a log, fault ${JSON.stringify(fault)}`, faulty, logUrl(first?.id ?? "", suffix));
  }
}

describe("every JSON body the server sends conforms to spec/dist/voice.sdk.yaml", () => {
  it.each(answers.map((answer) => [answer.name, answer.operation, answer.status, answer] as const))(
    "%s (%s %i)",
    (_name, _operation, _status, answer) => {
      expect(answer.contentType).toBe("application/json; charset=utf-8");
      expect(violations(answer.status, answer.body, answer.operation)).toEqual([]);
    },
  );

  it.each(["GET /logs/{id}", "GET /logs/{id}/events"] as const)(
    "%s: every log (3000 seeded, 25 inserted, the discarded ones)",
    (operation) => {
      const mine = byId.filter((answer) => answer.operation === operation);
      expect(mine).toHaveLength(everyLog.length);
      const problems = mine.flatMap((answer) =>
        [
          ...(answer.status === 200 ? [] : [`status ${answer.status}`]),
          ...(answer.contentType === "application/json; charset=utf-8" ? [] : [`${answer.contentType}`]),
          ...violations(200, answer.body, operation),
        ].map((problem) => `${answer.name}: ${problem}`),
      );
      expect(problems.slice(0, 10)).toEqual([]);
    },
  );

  it.each(["GET /logs", "GET /logs/{id}", "GET /logs/{id}/events"] as const)(
    "%s: drove every status the spec declares",
    (operation) => {
      const statuses = new Set(
        [...answers, ...byId].filter((a) => a.operation === operation).map((a) => a.status),
      );
      for (const status of specStatusesOf(operation)) expect(statuses).toContain(status);
    },
  );

  it("served every log variant in pages and by id, and events of every kind of log", () => {
    const kindsOf = (data: Record<string, unknown>[]) =>
      new Set(data.map((log) => (log.discarded_at ? "discarded" : log.type)));
    const listed = answers.flatMap((answer) =>
      answer.status === 200 && answer.operation === "GET /logs"
        ? (answer.body as { data: Record<string, unknown>[] }).data
        : [],
    );
    const single = byId
      .filter((a) => a.operation === "GET /logs/{id}")
      .map((a) => a.body as Record<string, unknown>);
    expect(kindsOf(listed).size).toBe(9);
    expect(kindsOf(single).size).toBe(9);
    const events = byId.flatMap((a) =>
      a.operation === "GET /logs/{id}/events" ? (a.body as { data: { name: string }[] }).data : [],
    );
    const prefixes = new Set(events.map((event) => event.name.split("_").slice(0, 2).join("_")));
    expect([...prefixes].sort()).toEqual([
      "calling_call",
      "dialogflow_agent",
      "dialogflow_call",
      "dialogflow_intent",
      "fabric_device",
      "laml_document",
      "video_room",
    ]);
  });
});

describe("the conformance check fails when a field is broken", () => {
  const sample = answers.find((answer) => answer.name.startsWith("page "))?.body as {
    links: Record<string, unknown>;
    data: Record<string, unknown>[];
  };
  const find = (keep: (log: Record<string, unknown>) => boolean) => sample.data.findIndex(keep);
  const relay = find((log) => log.type === "relay_pstn_call");
  const laml = find((log) => log.type === "laml_call");
  const room = find((log) => log.type === "video_room_sip_leg");
  const fabric = find((log) => log.type === "fabric_subscriber_device_leg");
  const discarded = find((log) => "discarded_at" in log);

  it.each<[string, number, (body: typeof sample) => void]>([
    ["a relay log without status", 200, (b) => delete b.data[relay]?.status],
    ["a charge sent as a string", 200, (b) => Object.assign(b.data[relay] ?? {}, { charge: "0.01" })],
    [
      "created_at that is not a date-time",
      200,
      (b) => Object.assign(b.data[relay] ?? {}, { created_at: "yesterday" }),
    ],
    ["an id that is not a uuid", 200, (b) => Object.assign(b.data[relay] ?? {}, { id: "log-1" })],
    ["an unknown type", 200, (b) => Object.assign(b.data[relay] ?? {}, { type: "fax" })],
    ["a LaML url that is not a URI", 200, (b) => Object.assign(b.data[laml] ?? {}, { url: "not a uri" })],
    [
      "a video room url that is not null",
      200,
      (b) => Object.assign(b.data[room] ?? {}, { url: "https://x.test" }),
    ],
    ["a fabric status outside the enum", 200, (b) => Object.assign(b.data[fabric] ?? {}, { status: "done" })],
    ["a duration in seconds as a float", 200, (b) => Object.assign(b.data[relay] ?? {}, { duration: 1.5 })],
    ["a discarded log without discarded_at", 200, (b) => delete b.data[discarded]?.discarded_at],
    ["links without self", 200, (b) => delete b.links.self],
    ["data that is not an array", 200, (b) => Object.assign(b, { data: {} })],
  ])("%s", (_name, status, breakIt) => {
    const broken = structuredClone(sample);
    breakIt(broken);
    expect(violations(status, sample)).toEqual([]);
    expect(violations(status, broken)).not.toEqual([]);
  });

  it("reports a page the server would never send: where, what the spec expected, what arrived", () => {
    const log = sample.data[relay];
    const page = { ...sample, data: [{ ...log, created_at: "yesterday" }] };
    expect(violations(200, page)).toEqual([
      `/data/0/created_at must match format "date-time", received "yesterday" (log ${log?.id})`,
    ]);
  });

  const single = (find: (log: VoiceLog) => boolean) =>
    structuredClone(
      byId.find((a) => a.operation === "GET /logs/{id}" && find(a.body as VoiceLog))?.body,
    ) as Record<string, unknown>;
  const events = structuredClone(
    byId.find(
      (a) => a.operation === "GET /logs/{id}/events" && (a.body as { data: unknown[] }).data.length > 2,
    )?.body,
  ) as { data: Record<string, unknown>[] };

  it.each<[string, () => unknown]>([
    ["a log whose id is not a uuid", () => ({ ...single((log) => "type" in log), id: "log-1" })],
    ["a log of an unknown type", () => ({ ...single((log) => "type" in log), type: "fax" })],
    [
      "a discarded log without discarded_at",
      () => {
        const { discarded_at: _, ...rest } = single((log) => "discarded_at" in log);
        return rest;
      },
    ],
    ["a list page instead of a log", () => ({ links: { self: "x", first: "x" }, data: [] })],
  ])("GET /logs/{id}: %s", (_name, broken) => {
    expect(
      violations(
        200,
        single((log) => "type" in log),
        "GET /logs/{id}",
      ),
    ).toEqual([]);
    expect(violations(200, broken(), "GET /logs/{id}")).not.toEqual([]);
  });

  it.each<[string, (body: typeof events) => void]>([
    ["an event without log_id", (b) => delete b.data[0]?.log_id],
    ["a level outside the enum", (b) => Object.assign(b.data[0] ?? {}, { level: "trace" })],
    [
      "a project_id that is not a uuid",
      (b) => Object.assign(b.data[0] ?? {}, { project_id: "test-project" }),
    ],
    ["event_at that is not a date-time", (b) => Object.assign(b.data[0] ?? {}, { event_at: "later" })],
    ["details that are a list", (b) => Object.assign(b.data[0] ?? {}, { details: [] })],
    ["a name that is not a string", (b) => Object.assign(b.data[0] ?? {}, { name: 7 })],
    ["data that is not an array", (b) => Object.assign(b, { data: {} })],
  ])("GET /logs/{id}/events: %s", (_name, breakIt) => {
    const broken = structuredClone(events);
    breakIt(broken);
    expect(violations(200, events, "GET /logs/{id}/events")).toEqual([]);
    expect(violations(200, broken, "GET /logs/{id}/events")).not.toEqual([]);
  });

  it.each<[Operation, number, unknown]>([
    ["GET /logs/{id}", 404, { error: "Gone" }],
    ["GET /logs/{id}/events", 404, {}],
    ["GET /logs/{id}", 422, { errors: [{ type: "validation_error", message: "no code", url: "u" }] }],
    ["GET /logs/{id}/events", 422, { error: "Unprocessable" }],
  ])("%s: a %i body %j", (operation, status, body) => {
    expect(violations(status, body, operation)).not.toEqual([]);
  });

  it.each([
    [401, { error: "Forbidden" }],
    [400, {}],
    [422, { errors: [{ type: "validation_error", message: "no code", url: "u" }] }],
    [500, { error: "oops" }],
    // Statuses the spec does not declare carry the server's own {"error": "…"}, and only that.
    [405, { error: "" }],
    [429, { error: "Too Many Requests", retry_after: 2 }],
  ])("a %i body %j", (status, body) => {
    expect(violations(status, body)).not.toEqual([]);
  });
});
