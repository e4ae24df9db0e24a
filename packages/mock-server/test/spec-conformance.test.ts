import { describe, expect, it } from "vitest";
import { createMockServer, type Fault, type MockServer } from "../src/index.js";
import { AUTH, LOGS_URL, logsUrl, ORIGIN, walk } from "./helpers.js";
import { specStatuses, violations } from "./spec-schemas.js";

interface Answer {
  name: string;
  status: number;
  contentType: string | null;
  body: unknown;
}

const answers: Answer[] = [];
async function record(name: string, server: MockServer, url: string, init: RequestInit = { headers: AUTH }) {
  const response = await server.fetch(url, init);
  const contentType = response.headers.get("content-type");
  const answer: Answer = { name, status: response.status, contentType, body: await response.json() };
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

describe("every JSON body the server sends conforms to spec/dist/voice.sdk.yaml", () => {
  it.each(answers.map((answer) => [answer.name, answer.status, answer] as const))(
    "%s (%i)",
    (_name, _status, answer) => {
      expect(answer.contentType).toBe("application/json; charset=utf-8");
      expect(violations(answer.status, answer.body)).toEqual([]);
    },
  );

  it("drove every status the spec declares, and every log variant", () => {
    const statuses = new Set(answers.map((answer) => answer.status));
    for (const status of specStatuses) expect(statuses).toContain(status);
    const data = answers.flatMap((answer) =>
      answer.status === 200 ? (answer.body as { data: Record<string, unknown>[] }).data : [],
    );
    const kinds = new Set(data.map((log) => (log.discarded_at ? "discarded" : log.type)));
    expect(kinds.size).toBe(9);
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

  it.each([
    [401, { error: "Forbidden" }],
    [400, {}],
    [422, { errors: [{ type: "validation_error", message: "no code", url: "u" }] }],
    [500, { error: "oops" }],
  ])("a %i body %j", (status, body) => {
    expect(violations(status, body)).not.toEqual([]);
  });
});
