import { inspect } from "node:util";
import { type RunningMockServer, startMockServer } from "@signalwire-voice/mock-server";
import { settle, startTestServer, type TestServer } from "@signalwire-voice/test-utils";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  AbortError,
  ApiError,
  createVoiceClient,
  type FetchFunction,
  InputError,
  NetworkError,
  RedirectError,
  type RetryEvent,
  TimeoutError,
  unwrap,
  type VoiceClientOptions,
  type VoiceLogsQuery,
} from "../src/index.js";
import { CREDENTIALS, PROJECT_ID, TOKEN } from "./helpers/client.js";
import { DATETIMES } from "./helpers/datetimes.js";

// Every test here talks to the mock server over real HTTP on 127.0.0.1.
let server: RunningMockServer;
let other: TestServer;
beforeAll(async () => {
  server = await startMockServer({ logs: 300 });
  other = await startTestServer();
});
afterAll(async () => {
  await server.close();
  await other.close();
});
beforeEach(() => {
  server.clearFaults();
  server.clearRequests();
  other.requests.length = 0;
});

/** A client of the mock server: retries without waiting unless told otherwise. */
function client(options: VoiceClientOptions = {}) {
  return createVoiceClient({
    baseUrl: server.baseUrl,
    env: { SIGNALWIRE_PROJECT_ID: PROJECT_ID, SIGNALWIRE_API_TOKEN: TOKEN },
    backoff: { initialDelayMs: 0 },
    ...options,
  });
}
const attempts = () => server.requests.map((request) => request.headers["x-attempt"]);

describe("over HTTP: a normal listing", () => {
  it("authenticates with Basic auth, sends the user agent and the attempt, and gets typed logs", async () => {
    const { data, response } = await client({ userAgent: "tests/1" }).GET("/logs", {
      params: { query: { page_size: 10 } },
    });
    expect(response.status).toBe(200);
    expect(response.url).toBe(`${server.baseUrl}/logs?page_size=10`);
    expect(data?.data).toHaveLength(10);
    expect(data?.links.next).toMatch(new RegExp(`^${server.baseUrl}/logs\\?`));
    const [request] = server.requests;
    expect(request?.headers.authorization).toBe(`Basic ${CREDENTIALS}`);
    expect(request?.headers["user-agent"]).toMatch(/^signalwire-voice-client\/\S+ tests\/1$/);
    expect(request?.headers["x-attempt"]).toBe("1");
  });

  it("sends Dates as ISO 8601, which the server filters by", async () => {
    const page = unwrap(
      await client().GET("/logs", {
        params: { query: { created_after: new Date("2025-12-31T23:00:00Z"), page_size: 1000 } },
      }),
    );
    expect(new URL(server.requests[0]?.url ?? "").searchParams.get("created_after")).toBe(
      "2025-12-31T23:00:00.000Z",
    );
    expect(page.data.length).toBeGreaterThan(0);
    expect(page.data.every((log) => log.created_at > "2025-12-31T23:00:00")).toBe(true);
  });

  it("gets the server's 401 as a typed error, without retrying", async () => {
    const { error, response } = await client({ token: "wrong-token" }).GET("/logs");
    expect(response.status).toBe(401);
    expect(error).toEqual({ error: "Unauthorized" });
    expect(server.requests).toHaveLength(1);
  });

  it("gets the server's 422 as a typed error, and unwrap throws it with its errors", async () => {
    const result = await client().GET("/logs", { params: { query: { page_token: "PAnot-a-token" } } });
    expect(result.response.status).toBe(422);
    const { error: thrown } = (await settle(Promise.resolve().then(() => unwrap(result)))) as {
      error: ApiError;
    };
    expect(thrown).toBeInstanceOf(ApiError);
    expect(thrown.is(422) && thrown.body.errors.map((item) => item.attribute)).toEqual(["page_token"]);
  });
});

describe("over HTTP: the response is a Response like any other", () => {
  it("lets middleware read a clone, and the caller read the body again afterwards", async () => {
    const voice = client();
    const seen: unknown[] = [];
    // openapi-fetch's usual logging middleware.
    voice.use({
      async onResponse({ response }) {
        seen.push(await response.clone().json());
      },
    });
    const { data, response } = await voice.GET("/logs", { params: { query: { page_size: 3 } } });
    expect(data?.data).toHaveLength(3);
    expect(seen).toEqual([data]);
    expect(response.url).toBe(`${server.baseUrl}/logs?page_size=3`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.bodyUsed).toBe(false);
    const decoded = (bytes: ArrayBuffer) => JSON.parse(new TextDecoder().decode(bytes));
    expect(decoded(await response.clone().arrayBuffer())).toEqual(data);
    expect(JSON.parse(await (await response.clone().blob()).text())).toEqual(data);
    expect(JSON.parse(await response.text())).toEqual(data);
    expect(await response.json()).toEqual(data);
    expect(decoded(await response.arrayBuffer())).toEqual(data);
  });

  it("does the same for an error answer, whose typed error and ApiError still work", async () => {
    const voice = client();
    const seen: unknown[] = [];
    voice.use({
      async onResponse({ response }) {
        seen.push(await response.clone().json());
      },
    });
    const result = await voice.GET("/logs", { params: { query: { page_token: "PAnot-a-token" } } });
    expect(result.response.status).toBe(422);
    expect(seen).toEqual([result.error]);
    expect(await result.response.clone().json()).toEqual(result.error);
    expect(JSON.parse(await (await result.response.blob()).text())).toEqual(result.error);
    const { error } = await settle(Promise.resolve().then(() => unwrap(result)));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, url: `${server.baseUrl}/logs?page_token=PAnot-a-token` });
  });
});

describe("over HTTP: retries", () => {
  it.each([
    ["503", { type: "server-error", status: 503 }],
    ["502", { type: "server-error", status: 502 }],
    ["500", { type: "server-error", status: 500 }],
    ["429", { type: "rate-limit", retryAfter: 0 }],
    ["a reset connection", { type: "reset" }],
    ["a truncated body", { type: "truncate" }],
  ] as const)("retries %s twice, then succeeds on the 3rd attempt", async (_, fault) => {
    server.addFault({ first: 2, fault });
    const { data } = await client().GET("/logs", { params: { query: { page_size: 5 } } });
    expect(data?.data).toHaveLength(5);
    expect(attempts()).toEqual(["1", "2", "3"]);
  });

  it("stops after maxRetries and returns the last answer", async () => {
    server.addFault({ fault: { type: "server-error", status: 503 } });
    const { error, response } = await client({ maxRetries: 3 }).GET("/logs");
    expect(response.status).toBe(503);
    expect(error).toEqual({ error: "Service Unavailable" });
    expect(attempts()).toEqual(["1", "2", "3", "4"]);
  });

  it("throws NetworkError when every attempt is reset", async () => {
    server.addFault({ fault: { type: "reset" } });
    const { error } = await settle(client().GET("/logs"));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ attempts: 3 });
    expect(server.requests).toHaveLength(3);
  });

  it("honours Retry-After: waits the seconds the server asks for", async () => {
    server.addFault({ first: 1, fault: { type: "rate-limit", retryAfter: 1 } });
    const events: RetryEvent[] = [];
    // The real fetch, timed: when each attempt left for the server, and when its answer came back.
    const times: { sent: number; answered: number }[] = [];
    const timed: FetchFunction = async (request, init) => {
      const sent = performance.now();
      const response = await fetch(request, init);
      times.push({ sent, answered: performance.now() });
      return response;
    };
    const { data } = await client({ fetch: timed, onRetry: (event) => events.push(event) }).GET("/logs");
    expect(data).toBeDefined();
    expect(events).toEqual([{ attempt: 1, delayMs: 1_000, status: 429 }]);
    expect(attempts()).toEqual(["1", "2"]);
    // The wait happened: from the 429 to the next attempt, at least the second asked for. A lower
    // bound (with 100 ms of slack for timer granularity), so a busy machine cannot fail it.
    const [first, second] = times;
    expect((second?.sent ?? 0) - (first?.answered ?? Number.POSITIVE_INFINITY)).toBeGreaterThanOrEqual(900);
  });

  it("does not wait for a Retry-After beyond a minute: it returns the 429 at once", async () => {
    server.addFault({ fault: { type: "rate-limit", retryAfter: 3_600 } });
    const result = await client().GET("/logs");
    expect(result.response.status).toBe(429);
    expect(() => unwrap(result)).toThrow(ApiError);
    expect(server.requests).toHaveLength(1);
  });

  it("retries a success whose body is not JSON (cut short in transit), like a truncated body", async () => {
    server.addFault({ first: 2, fault: { type: "invalid-json" } });
    const { data } = await client().GET("/logs", { params: { query: { page_size: 3 } } });
    expect(data?.data).toHaveLength(3);
    expect(attempts()).toEqual(["1", "2", "3"]);
  });

  it("throws NetworkError, naming the JSON failure, when every body is broken", async () => {
    server.addFault({ fault: { type: "invalid-json" } });
    const { error } = await settle(client({ maxRetries: 1 }).GET("/logs"));
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toMatch(/\(attempt 2\) failed: .*JSON/);
    expect((error as Error).cause).toMatchObject({ name: "SyntaxError" });
    expect(server.requests).toHaveLength(2);
  });
});

describe("over HTTP: timeouts and aborts", () => {
  it("times out each attempt on its own clock, and the next attempt succeeds", async () => {
    server.addFault({ first: 1, fault: { type: "delay", ms: 2_000 } });
    const events: RetryEvent[] = [];
    const { data } = await client({ timeoutMs: 150, onRetry: (event) => events.push(event) }).GET("/logs");
    expect(data).toBeDefined();
    expect(events[0]?.error).toBeInstanceOf(TimeoutError);
    expect(attempts()).toEqual(["1", "2"]);
  });

  it("throws TimeoutError when every attempt is too slow", async () => {
    server.addFault({ fault: { type: "delay", ms: 2_000 } });
    const { error } = await settle(client({ timeoutMs: 100, maxRetries: 1 }).GET("/logs"));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 100, attempts: 2 });
    expect(server.requests).toHaveLength(2);
  });

  it("aborts while waiting to retry: AbortError, and no further attempt", async () => {
    server.addFault({ fault: { type: "server-error", status: 503, retryAfter: 30 } });
    const controller = new AbortController();
    const pending = settle(client().GET("/logs", { signal: controller.signal }));
    while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    const { error } = await pending;
    expect(error).toBeInstanceOf(AbortError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.requests).toHaveLength(1);
  });

  it("aborts an attempt in flight", async () => {
    server.addFault({ fault: { type: "delay", ms: 5_000 } });
    const controller = new AbortController();
    const pending = settle(client().GET("/logs", { signal: controller.signal }));
    while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    expect((await pending).error).toBeInstanceOf(AbortError);
    expect(server.requests).toHaveLength(1);
  });
});

describe("over HTTP: credentials never leave the configured origin", () => {
  it("sends none to another origin named by a links.next (a real second server)", async () => {
    server.addFault({ first: 1, fault: { type: "foreign-next", origin: other.url } });
    const voice = client();
    const page = unwrap(await voice.GET("/logs", { params: { query: { page_size: 2 } } }));
    const next = new URL(page.links.next ?? "");
    expect(next.origin).toBe(other.url);
    await voice.GET("/logs", {
      baseUrl: `${next.origin}/api/voice`,
      params: {
        query: {
          page_size: Number(next.searchParams.get("page_size")),
          page_number: Number(next.searchParams.get("page_number")),
          page_token: next.searchParams.get("page_token") ?? "",
        },
      },
    });
    expect(server.requests[0]?.headers.authorization).toBe(`Basic ${CREDENTIALS}`);
    expect(other.requests).toHaveLength(1);
    const sent = new URL(other.requests[0]?.url ?? "", other.url);
    expect(sent.pathname).toBe(next.pathname);
    expect([...sent.searchParams].sort()).toEqual([...next.searchParams].sort());
    expect(other.requests[0]?.headers.authorization).toBeUndefined();
  });

  it("follows no redirect to another origin: RedirectError, and the other host receives nothing", async () => {
    const redirector = await startTestServer((request, response) => {
      response.writeHead(307, { location: `${other.url}${request.url}?token=${TOKEN}` });
      response.end();
    });
    try {
      const { error } = await settle(client({ baseUrl: `${redirector.url}/api/voice` }).GET("/logs"));
      expect(error).toBeInstanceOf(RedirectError);
      expect(error).toMatchObject({ status: 307, location: `${other.url}/api/voice/logs` });
      expect(redirector.requests).toHaveLength(1); // not retried
      expect(redirector.requests[0]?.headers.authorization).toBe(`Basic ${CREDENTIALS}`);
      expect(other.requests).toEqual([]);
      expect(JSON.stringify(error) + String(error)).not.toContain(TOKEN);
    } finally {
      await redirector.close();
    }
  });

  it("sends none to a second mock server given as a per-request baseUrl: it answers 401", async () => {
    const second = await startMockServer({ logs: 10 });
    try {
      const { error, response } = await client().GET("/logs", { baseUrl: second.baseUrl });
      expect(response.status).toBe(401);
      expect(error).toEqual({ error: "Unauthorized" });
      expect(second.requests).toHaveLength(1);
      expect(second.requests[0]?.headers.authorization).toBeUndefined();
      expect(server.requests).toEqual([]);
    } finally {
      await second.close();
    }
  });
});

describe("over HTTP: bad input sends no request", () => {
  it.each<[string, VoiceLogsQuery]>([
    ["page_size 0", { page_size: 0 }],
    ["page_size 1001", { page_size: 1001 }],
    ["page_number -1", { page_number: -1 }],
    ["page_number 2 without page_token", { page_number: 2 }],
    ["an invalid Date", { created_after: new Date("nope") }],
    ["a date that does not exist", { created_on: "2026-02-30" }],
  ])("%s: InputError, and the server's request log stays empty", async (_, query) => {
    const { error } = await settle(client().GET("/logs", { params: { query } }));
    expect(error).toBeInstanceOf(InputError);
    expect(server.requests).toEqual([]);
  });

  it.each(DATETIMES)("the date %j: the client and the mock server agree (%j)", async (text, want) => {
    const { value, error } = await settle(
      client().GET("/logs", { params: { query: { created_after: text } } }),
    );
    if (want === undefined) {
      // Refused before sending; and the mock server, asked directly, refuses it too.
      expect(error).toBeInstanceOf(InputError);
      expect(server.requests).toEqual([]);
      const direct = await fetch(`${server.baseUrl}/logs?created_after=${encodeURIComponent(text)}`, {
        headers: { authorization: `Basic ${CREDENTIALS}` },
      });
      expect(direct.status).toBe(422);
      expect(await direct.json()).toMatchObject({
        errors: [{ code: "not_a_datetime", attribute: "created_after" }],
      });
    } else {
      expect((value as { response: Response }).response.status).toBe(200);
      expect(new URL(server.requests[0]?.url ?? "").searchParams.get("created_after")).toBe(text);
    }
  });

  it("a bad option: InputError at construction, and nothing is sent", () => {
    expect(() => client({ baseUrl: "not a url" })).toThrow(InputError);
    expect(server.requests).toEqual([]);
  });
});

describe("over HTTP: a token JSON and URLs must escape is redacted however the server echoes it", () => {
  // Every character JSON or a URL escapes; options.ts allows any printable ASCII but ':'.
  const token = 'PT"a\\b/c<d>&e%f+g=h';
  const basic = btoa(`${PROJECT_ID}:${token}`);
  const forms = [
    token,
    JSON.stringify(token).slice(1, -1),
    encodeURIComponent(token),
    encodeURIComponent(token).toLowerCase(),
    JSON.stringify(token).slice(1, -1).replaceAll("/", "\\/"),
    basic,
    encodeURIComponent(basic),
  ];

  it.each([400, 401, 503])(
    "%i: not in the ApiError, nor in the response middleware and the caller see",
    async (status) => {
      // A real second server that echoes everything, the way real servers do: JSON-escaped (with
      // slashes escaped, as PHP does, and < > & as \u00XX, as Go and Rails do) and in a link.
      const echo = await startTestServer((request, response) => {
        const authorization = request.headers.authorization ?? "";
        const sent = atob(authorization.slice("Basic ".length)).split(":").slice(1).join(":");
        const body = JSON.stringify({
          error: `bad token ${sent}`,
          authorization,
          next: `${other.url}/logs?token=${encodeURIComponent(sent)}`,
        });
        response.writeHead(status, { "content-type": "application/json" });
        response.end(
          body.replaceAll("/", "\\/").replace(/[<>&]/g, (char) => `\\u00${char.charCodeAt(0).toString(16)}`),
        );
      });
      try {
        const voice = client({
          baseUrl: `${echo.url}/api/voice`,
          projectId: PROJECT_ID,
          token,
          maxRetries: 0,
        });
        const seen: string[] = [];
        voice.use({
          async onResponse({ response }) {
            seen.push(await response.clone().text());
          },
        });
        const result = await voice.GET("/logs");
        expect(echo.requests[0]?.headers.authorization).toBe(`Basic ${basic}`);
        const { error } = await settle(Promise.resolve().then(() => unwrap(result)));
        expect(error).toBeInstanceOf(ApiError);
        expect((error as ApiError).body).toMatchObject({
          error: "bad token [redacted]",
          authorization: "Basic [redacted]",
        });
        const views = [
          String(error),
          (error as Error).stack ?? "",
          JSON.stringify(error),
          inspect(error, { depth: 10, showHidden: true }),
          JSON.stringify((error as ApiError).body),
          JSON.stringify(result.error),
          ...seen,
          await result.response.text(),
        ];
        for (const view of views) for (const form of forms) expect(view).not.toContain(form);
      } finally {
        await echo.close();
      }
    },
  );
});

describe("over HTTP: no secret in any error", () => {
  const cases: [string, () => Promise<unknown>][] = [
    [
      "reset",
      async () => {
        server.addFault({ fault: { type: "reset" } });
        return client().GET("/logs");
      },
    ],
    [
      "truncated body",
      async () => {
        server.addFault({ fault: { type: "truncate" } });
        return client().GET("/logs");
      },
    ],
    [
      "invalid JSON",
      async () => {
        server.addFault({ fault: { type: "invalid-json" } });
        return client().GET("/logs");
      },
    ],
    [
      "timeout",
      async () => {
        server.addFault({ fault: { type: "delay", ms: 1_000 } });
        return client({ timeoutMs: 50, maxRetries: 0 }).GET("/logs");
      },
    ],
    ["abort", async () => client().GET("/logs", { signal: AbortSignal.abort() })],
    ["401, unwrapped", async () => unwrap(await client({ token: "wrong-token" }).GET("/logs"))],
    [
      "503, unwrapped",
      async () => {
        server.addFault({ fault: { type: "server-error", status: 503 } });
        return unwrap(await client({ maxRetries: 0 }).GET("/logs"));
      },
    ],
    [
      "422, unwrapped",
      async () => unwrap(await client().GET("/logs", { params: { query: { page_token: "PAx" } } })),
    ],
    [
      "refused connection",
      async () => {
        const closed = await startTestServer();
        await closed.close();
        return client({ baseUrl: `${closed.url}/api/voice`, maxRetries: 0 }).GET("/logs");
      },
    ],
  ];

  it.each(cases)("%s", async (_, run) => {
    const { error } = await settle(run());
    expect(error).toBeInstanceOf(Error);
    const secrets = [TOKEN, CREDENTIALS, "wrong-token", btoa(`${PROJECT_ID}:wrong-token`)];
    const views = [
      String(error),
      (error as Error).stack ?? "",
      JSON.stringify(error),
      inspect(error, { depth: 10, showHidden: true }),
    ];
    for (const view of views) for (const secret of secrets) expect(view).not.toContain(secret);
  });
});
