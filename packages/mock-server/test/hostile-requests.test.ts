import type { VoiceLog } from "@signalwire-voice/types";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type RunningMockServer, startMockServer } from "../src/index.js";
import { AUTH, getJson } from "./helpers.js";
import { rawExchange } from "./raw-http.js";
import { violations } from "./response-violations.js";

/**
 * What a hostile or broken peer can send over a socket, and what it gets: a JSON answer in the
 * server's `{"error": …}` shape, never a crash. Each request says `Connection: close`, so the
 * server closes once it has answered.
 */
let server: RunningMockServer;
let host: string;
let logs: VoiceLog[];
beforeAll(async () => {
  server = await startMockServer({ logs: 3 });
  host = new URL(server.url).host;
  logs = (await getJson(fetch, `${server.baseUrl}/logs`)).body.data;
});
afterAll(() => server.close());
afterEach(async () => {
  // Whatever came before, the server is still up and answering.
  const { status, body } = await getJson(fetch, `${server.baseUrl}/logs`);
  expect(status).toBe(200);
  expect(violations(200, body)).toEqual([]);
});

const BAD_REQUEST = [400, { error: "Bad Request" }] as const;
const NOT_ALLOWED = [405, { error: "Method Not Allowed" }] as const;
const UNAUTHORIZED = [401, { error: "Unauthorized" }] as const;
const TOO_LARGE = [431, { error: "Request Header Fields Too Large" }] as const;

/** A request as text; `HOST` in the lines is replaced by the server's own host. */
const lines = (...head: string[]) => `${head.join("\r\n")}\r\nConnection: close\r\n\r\n`;

describe("hostile requests get a JSON answer and the server lives on", () => {
  it.each<[string, () => string, readonly [number, object]]>([
    // new Request() refuses a URL with credentials; the Host grammar has no userinfo anyway.
    ["a Host with userinfo", () => lines("GET /api/voice/logs HTTP/1.1", "Host: a:b@HOST"), BAD_REQUEST],
    [
      "a Host with an empty userinfo",
      () => lines("GET /api/voice/logs HTTP/1.1", "Host: @HOST"),
      BAD_REQUEST,
    ],
    // Methods fetch forbids: new Request() throws on them.
    ["TRACE", () => lines("TRACE /api/voice/logs HTTP/1.1", "Host: HOST"), NOT_ALLOWED],
    [
      "TRACE on an unknown path",
      () => lines("TRACE /nope HTTP/1.1", "Host: HOST"),
      [404, { error: "Not Found" }],
    ],
    ["CONNECT", () => lines("CONNECT HOST HTTP/1.1", "Host: HOST"), NOT_ALLOWED],
    [
      "TRACK (not a method Node parses)",
      () => lines("TRACK /api/voice/logs HTTP/1.1", "Host: HOST"),
      BAD_REQUEST,
    ],
    ["a lower-case method", () => lines("get /api/voice/logs HTTP/1.1", "Host: HOST"), BAD_REQUEST],
    ["PATCH", () => lines("PATCH /api/voice/logs HTTP/1.1", "Host: HOST"), NOT_ALLOWED],
    ["PROPFIND", () => lines("PROPFIND /api/voice/logs HTTP/1.1", "Host: HOST"), NOT_ALLOWED],
    [
      "POST with a body",
      () => "POST /api/voice/logs HTTP/1.1\r\nHost: HOST\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}",
      NOT_ALLOWED,
    ],
    // Request targets other than a path.
    [
      "an absolute-form target",
      () => lines("GET http://HOST/api/voice/logs HTTP/1.1", "Host: HOST"),
      BAD_REQUEST,
    ],
    ["an asterisk-form target", () => lines("OPTIONS * HTTP/1.1", "Host: HOST"), BAD_REQUEST],
    [
      "a path of 20 000 characters",
      () => lines(`GET /${"a".repeat(20_000)} HTTP/1.1`, "Host: HOST"),
      TOO_LARGE,
    ],
    [
      "//host/path is a path, not a host",
      () => lines("GET //evil.test/api/voice/logs HTTP/1.1", "Host: HOST"),
      [404, { error: "Not Found" }],
    ],
    // Host forms (RFC 9112 §3.2: one Host, a valid value, or 400).
    ["no Host (HTTP/1.0)", () => lines("GET /api/voice/logs HTTP/1.0"), BAD_REQUEST],
    ["no Host (HTTP/1.1)", () => lines("GET /api/voice/logs HTTP/1.1"), BAD_REQUEST],
    ["an empty Host", () => lines("GET /api/voice/logs HTTP/1.1", "Host: "), BAD_REQUEST],
    [
      "two Host headers",
      () => lines("GET /api/voice/logs HTTP/1.1", "Host: HOST", "Host: evil.test"),
      BAD_REQUEST,
    ],
    [
      "a Host with a path",
      () => lines("GET /api/voice/logs HTTP/1.1", "Host: HOST/api/voice/logs?"),
      BAD_REQUEST,
    ],
    ["a Host with a query", () => lines("GET /api/voice/logs HTTP/1.1", "Host: HOST?x"), BAD_REQUEST],
    ["a Host with a fragment", () => lines("GET /api/voice/logs HTTP/1.1", "Host: HOST#x"), BAD_REQUEST],
    ["a Host with a backslash", () => lines("GET /api/voice/logs HTTP/1.1", "Host: a\\b"), BAD_REQUEST],
    ["a Host with a space", () => lines("GET /api/voice/logs HTTP/1.1", "Host: a b"), BAD_REQUEST],
    ["a Host that is not ASCII", () => lines("GET /api/voice/logs HTTP/1.1", "Host: \xe9.test"), BAD_REQUEST],
    ["a Host with %00", () => lines("GET /api/voice/logs HTTP/1.1", "Host: a%00b"), BAD_REQUEST],
    ["a port out of range", () => lines("GET /api/voice/logs HTTP/1.1", "Host: a:99999"), BAD_REQUEST],
    ["a port alone", () => lines("GET /api/voice/logs HTTP/1.1", "Host: :80"), BAD_REQUEST],
    ["a broken IPv6 literal", () => lines("GET /api/voice/logs HTTP/1.1", "Host: [zz]"), BAD_REQUEST],
    [
      "an IPv6 Host, without credentials",
      () => lines("GET /api/voice/logs HTTP/1.1", "Host: [::1]:8080"),
      UNAUTHORIZED,
    ],
    // Header names and values.
    [
      "bytes 0x80-0xff in a header value",
      () => lines("GET /api/voice/logs HTTP/1.1", "Host: HOST", "X-Odd: \x80\xe9\xff"),
      UNAUTHORIZED,
    ],
    [
      "bytes 0x80-0xff in Authorization",
      () => lines("GET /api/voice/logs HTTP/1.1", "Host: HOST", "Authorization: Basic \xff\xfe"),
      UNAUTHORIZED,
    ],
    [
      "a NUL in a header value",
      () => lines("GET /api/voice/logs HTTP/1.1", "Host: HOST", "X-Odd: a\x00b"),
      BAD_REQUEST,
    ],
    [
      "a header name that is not a token",
      () => lines("GET /api/voice/logs HTTP/1.1", "Host: HOST", "X\xe9: 1"),
      BAD_REQUEST,
    ],
    [
      "headers beyond Node's 16 KiB",
      () =>
        lines(
          "GET /api/voice/logs HTTP/1.1",
          "Host: HOST",
          ...Array.from({ length: 200 }, (_, k) => `X-${k}: ${"v".repeat(100)}`),
        ),
      TOO_LARGE,
    ],
    [
      "Content-Length and Transfer-Encoding together",
      () =>
        lines(
          "GET /api/voice/logs HTTP/1.1",
          "Host: HOST",
          "Content-Length: 1",
          "Transfer-Encoding: chunked",
        ),
      BAD_REQUEST,
    ],
    [
      "a Content-Length that is not a number",
      () => lines("GET /api/voice/logs HTTP/1.1", "Host: HOST", "Content-Length: abc"),
      BAD_REQUEST,
    ],
    // An expectation the server does not know is ignored (RFC 9110 §10.1.1 allows it).
    [
      "Expect: something-else",
      () => lines("GET /api/voice/logs HTTP/1.1", "Host: HOST", "Expect: something-else"),
      UNAUTHORIZED,
    ],
  ])("%s", async (_name, request, [status, body]) => {
    const { responses } = await rawExchange(server.url, request().replaceAll("HOST", host));
    expect(responses.map((response) => [response.status, JSON.parse(response.body)])).toEqual([
      [status, body],
    ]);
    const [response] = responses;
    expect(response?.headers["content-type"]).toBe("application/json; charset=utf-8");
    if (status === 405) expect(response?.headers.allow).toBe("GET");
  });

  it("HEAD: 405 with the headers and no body", async () => {
    const request = lines("HEAD /api/voice/logs HTTP/1.1", `Host: ${host}`);
    const { responses } = await rawExchange(server.url, request, { head: true });
    expect(responses.map(({ status, body, headers }) => [status, body, headers.allow])).toEqual([
      [405, "", "GET"],
    ]);
  });

  it("an IPv6 Host with credentials: 200, with links on that origin", async () => {
    const request = lines(
      "GET /api/voice/logs HTTP/1.1",
      "Host: [::1]:8080",
      `Authorization: ${AUTH.authorization}`,
    );
    const { responses } = await rawExchange(server.url, request);
    const body = JSON.parse(responses[0]?.body ?? "null") as { links: { self: string } };
    expect([responses[0]?.status, body.links.self]).toEqual([
      200,
      "http://[::1]:8080/api/voice/logs?page_number=0&page_size=50",
    ]);
  });

  it("garbage behind a request on the same connection: that request's answer, then 400 and close", async () => {
    const request = `GET /api/voice/logs HTTP/1.1\r\nHost: ${host}\r\nAuthorization: ${AUTH.authorization}\r\n\r\n`;
    const { responses, ending } = await rawExchange(server.url, `${request}\xff\x00 garbage\r\n\r\n`);
    expect(responses.map(({ status }) => status)).toEqual([200, 400]);
    expect(JSON.parse(responses[1]?.body ?? "null")).toEqual(BAD_REQUEST[1]);
    expect(ending).toBe("closed");
  });

  it("an unfinished request gets 400 when the client closes its side", async () => {
    const { responses } = await rawExchange(server.url, `GET /api/voice/logs HTTP/1.1\r\nHost: ${host}\r\n`, {
      halfClose: true,
    });
    expect(responses.map((response) => [response.status, JSON.parse(response.body)])).toEqual([
      [...BAD_REQUEST],
    ]);
  });
});

describe("paths that try to reach another log than the one written", () => {
  const INVALID_ID = 422;
  /** `{A}` and `{B}` in the path are the ids of the first and second log, `{UPPER}` the first's in upper case. */
  it.each<[string, string, number | "A" | "B"]>([
    ["A/../B", "/api/voice/logs/{A}/../{B}", 400],
    ["A/%2e%2e/B (an encoded dot segment)", "/api/voice/logs/{A}/%2e%2e/{B}", 400],
    ["A/.%2E/B", "/api/voice/logs/{A}/.%2E/{B}", 400],
    ["./A", "/api/voice/logs/./{A}", 400],
    ["A/.", "/api/voice/logs/{A}/.", 400],
    ["A/.<tab>./B (the URL parser drops the tab)", "/api/voice/logs/{A}/.\t./{B}", 400],
    ["A/events/..", "/api/voice/logs/{A}/events/..", 400],
    ["A\\..\\B (backslashes)", "/api/voice/logs/{A}\\..\\{B}", 400],
    ["/api/voice/x/../logs/A", "/api/voice/x/../logs/{A}", 400],
    ["A%2F..%2FB (an encoded slash stays in the segment)", "/api/voice/logs/{A}%2F..%2F{B}", INVALID_ID],
    ["A%2Fevents", "/api/voice/logs/{A}%2Fevents", INVALID_ID],
    ["A..B", "/api/voice/logs/{A}..{B}", INVALID_ID],
    ["A with ../B in the query", "/api/voice/logs/{A}?../{B}", "A"],
    ["A in upper case", "/api/voice/logs/{UPPER}", "A"],
    ["B", "/api/voice/logs/{B}", "B"],
  ])("%s", async (_name, path, want) => {
    const [a, b] = logs.map((log) => log.id) as [string, string];
    const target = path.replace("{UPPER}", a.toUpperCase()).replace("{A}", a).replace("{B}", b);
    const request = lines(`GET ${target} HTTP/1.1`, `Host: ${host}`, `Authorization: ${AUTH.authorization}`);
    const { responses } = await rawExchange(server.url, request);
    const [response] = responses;
    const body = JSON.parse(response?.body ?? "null") as unknown;
    if (want === "A" || want === "B") {
      expect([response?.status, body]).toEqual([200, logs[want === "A" ? 0 : 1]]);
    } else {
      expect(response?.status).toBe(want);
      if (want === 400) expect(body).toEqual(BAD_REQUEST[1]);
      if (want === INVALID_ID)
        expect(body).toMatchObject({ errors: [{ code: "invalid_parameter", attribute: "id" }] });
    }
  });

  it("a by-id path gets 405 for TRACE and 401 without credentials, as the list does", async () => {
    const id = logs[0]?.id ?? "";
    for (const [line, want] of [
      [`TRACE /api/voice/logs/${id} HTTP/1.1`, NOT_ALLOWED],
      [`GET /api/voice/logs/${id}/events HTTP/1.1`, UNAUTHORIZED],
    ] as const) {
      const { responses } = await rawExchange(server.url, lines(line, `Host: ${host}`));
      expect(responses.map((response) => [response.status, JSON.parse(response.body)])).toEqual([[...want]]);
    }
  });
});
