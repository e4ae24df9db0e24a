import { inspect } from "node:util";
import { gzipSync } from "node:zlib";
import { startTestServer, type TestHandler, type TestServer } from "@signalwire-voice/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import {
  ApiError,
  createVoiceClient,
  NetworkError,
  RedirectError,
  ResponseTooLargeError,
  type RetryEvent,
  redactorOf,
  TimeoutError,
  UnexpectedResponseError,
  unwrap,
  type VoiceClientOptions,
} from "../src/index.js";
import { CREDENTIALS, PROJECT_ID, TOKEN } from "./helpers/client.js";
import { EMPTY_PAGE } from "./helpers/fetch-stub.js";

// Each test starts its own hostile server on 127.0.0.1.
const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function hostile(handler: TestHandler): Promise<TestServer> {
  const server = await startTestServer(handler);
  servers.push(server);
  return server;
}

function client(server: TestServer, options: VoiceClientOptions = {}) {
  return createVoiceClient({
    baseUrl: `${server.url}/api/voice`,
    projectId: PROJECT_ID,
    token: TOKEN,
    env: {},
    backoff: { initialDelayMs: 0, random: () => 0.5 },
    ...options,
  });
}

/** The promise's rejection (it must reject). */
async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a rejection");
}

/** Every way an error is shown or stored: none may carry 8 characters of the token in a row. */
function expectNoSecret(error: unknown) {
  const views = [
    String(error),
    (error as Error).stack ?? "",
    JSON.stringify(error),
    inspect(error, { depth: 10, showHidden: true }),
  ];
  for (const view of views) {
    expect(view).not.toContain(CREDENTIALS);
    for (let at = 0; at + 8 <= TOKEN.length; at++) expect(view).not.toContain(TOKEN.slice(at, at + 8));
  }
}

describe("a credential never leaves in an error", () => {
  it("a request id that echoes the Authorization header", async () => {
    const server = await hostile((request, response) => {
      response.writeHead(500, { "x-request-id": `${request.headers.authorization}` });
      response.end('{"error":"Internal Server Error"}');
    });
    const error = await failure(
      client(server, { maxRetries: 0 })
        .GET("/logs")
        .then((result) => unwrap(result)),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).requestId).toBe("Basic [redacted]");
    expectNoSecret(error);
  });

  it("a same-origin redirect whose query carries the token", async () => {
    const server = await hostile((request, response) => {
      if (request.url?.includes("token=")) {
        response.writeHead(500);
        response.end(`no: ${request.url}`);
      } else {
        response.writeHead(302, { location: `/api/voice/logs?token=${TOKEN}&basic=${CREDENTIALS}` });
        response.end();
      }
    });
    const { response, error } = await client(server, { maxRetries: 0 }).GET("/logs");
    expect(response.status).toBe(500);
    const thrown = await failure(Promise.resolve().then(() => unwrap({ response, error })));
    expect(thrown).toBeInstanceOf(ApiError);
    expect((thrown as ApiError).url).toContain("token=[redacted]");
    expectNoSecret(thrown);
  });

  it("a 200 body that begins with the token (a JSON parser quotes its first characters)", async () => {
    // A token as long as real ones: the parser's message quotes only its first 10 characters.
    const token = "PT0123456789abcdef0123456789abcdef";
    const server = await hostile((_, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(`${token}${" and more".repeat(20)}`);
    });
    const error = await failure(client(server, { token, maxRetries: 0 }).GET("/logs"));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toContain("[redacted]");
    expect(error.message).not.toContain(token.slice(0, 8));
  });

  it("a custom fetch's error whose code and name carry the token", async () => {
    const fetch = async () => {
      throw Object.assign(new Error(`failed for ${TOKEN}`), { code: `E_${TOKEN}`, name: `Bad${TOKEN}` });
    };
    const error = await failure(testFetchClient(fetch).GET("/logs"));
    expect(error).toBeInstanceOf(NetworkError);
    expectNoSecret(error);
  });

  it("redactorOf(client) is the client's redaction; other values get one that changes nothing", async () => {
    const server = await hostile(() => {});
    expect(redactorOf(client(server))(`x ${TOKEN} y`)).toBe("x [redacted] y");
    expect(redactorOf({})(`x ${TOKEN} y`)).toBe(`x ${TOKEN} y`);
    expect(redactorOf(undefined)("x")).toBe("x");
  });
});

describe("a credential never leaves, whatever a server or a fetch is built to do", () => {
  it("an 8 MB error body of token-like characters: redacted in linear time, an ApiError, no retry", async () => {
    const filler = "abcd0123".repeat(1_048_576); // 8 MB of letters and digits, as base64 has
    const server = await hostile((_, response) => {
      response.writeHead(400, { "content-type": "text/plain" });
      response.end(`${filler}${TOKEN}${filler}`);
    });
    const { error, response } = await client(server).GET("/logs");
    expect(response.status).toBe(400);
    expect(server.requests).toHaveLength(1);
    const text = error as unknown as string;
    expect(typeof text).toBe("string");
    expect(text.length).toBe(filler.length * 2 + "[redacted]".length);
    expect(text).not.toContain(TOKEN);
  });

  it("an error body stays JSON: a secret escaped twice, or after a backslash, is redacted inside the parsed strings", async () => {
    const twice = [...TOKEN].map((char) => `\\u00${char.charCodeAt(0).toString(16)}`).join("");
    const server = await hostile((_, response) => {
      response.writeHead(422, { "content-type": "application/json" });
      response.end(JSON.stringify({ errors: [], twice, slash: `\\${TOKEN}` }));
    });
    const { error } = await client(server).GET("/logs");
    expect(error).toEqual({ errors: [], twice: "[redacted]", slash: "[redacted]" });
  });

  it("a fetch whose error's cause is itself: a NetworkError, no endless loop", async () => {
    const fetch = async () => {
      const error = new Error(`loop ${TOKEN}`);
      error.cause = error;
      throw error;
    };
    const error = await failure(testFetchClient(fetch).GET("/logs"));
    expect(error).toBeInstanceOf(NetworkError);
    expectNoSecret(error);
  });

  it("a fetch whose error has throwing getters, or is a Proxy: a redacted NetworkError", async () => {
    const throwing = (what: string) => {
      throw new Error(`${what} ${TOKEN}`);
    };
    const errors = [
      Object.defineProperty(new Error("x"), "message", { get: () => throwing("message") }),
      Object.defineProperty(new Error("x"), "cause", { get: () => throwing("cause") }),
      { toString: () => throwing("toString") },
      new Proxy({}, { get: () => throwing("proxy") }),
      Symbol(TOKEN),
    ];
    for (const thrown of errors) {
      const error = await failure(
        testFetchClient(async () => {
          throw thrown;
        }).GET("/logs"),
      );
      expect(error).toBeInstanceOf(NetworkError);
      expectNoSecret(error);
    }
  });

  it("a fetch that throws one of this package's errors carrying the token: copied and redacted, like any failure", async () => {
    const fetch = async () => {
      throw new ApiError(`wrapped ${TOKEN}`, { status: 500, body: TOKEN, requestId: TOKEN, url: TOKEN });
    };
    const error = await failure(testFetchClient(fetch).GET("/logs"));
    expect(error).toBeInstanceOf(NetworkError);
    expectNoSecret(error);
  });

  it("a same-origin Location with a user and password: RedirectError, nothing shown, not retried", async () => {
    const server = await hostile((_, response) => {
      response.writeHead(302, { location: `http://user:${TOKEN}@${new URL(servers[0]?.url ?? "").host}/x` });
      response.end();
    });
    const error = await failure(client(server).GET("/logs"));
    expect(error).toBeInstanceOf(RedirectError);
    expect(error.message).toContain("it cannot be read");
    expect(server.requests).toHaveLength(1);
    expectNoSecret(error);
  });

  it("a body of something other than bytes, from a custom fetch: a NetworkError, the limit holds", async () => {
    const fetch = async () =>
      new Response(
        new ReadableStream({
          pull(controller) {
            controller.enqueue("not bytes" as unknown as Uint8Array);
          },
        }),
      );
    const error = await failure(
      testFetchClient(fetch, { maxResponseBytes: 1_000, maxRetries: 0 }).GET("/logs"),
    );
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toContain("other than bytes");
  });
});

function testFetchClient(fetch: VoiceClientOptions["fetch"], options: VoiceClientOptions = {}) {
  return createVoiceClient({
    baseUrl: "http://api.test/api/voice",
    projectId: PROJECT_ID,
    token: TOKEN,
    env: {},
    fetch,
    maxRetries: 0,
    ...options,
  });
}

describe("memory is bounded by the client, not the server", () => {
  it("stops reading a body past maxResponseBytes: ResponseTooLargeError, not retried", async () => {
    const server = await hostile((_, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      // 4 MB in 64 kB chunks, no Content-Length: only counting while reading can stop it.
      const chunk = "x".repeat(65_536);
      for (let k = 0; k < 64; k++) response.write(chunk);
      response.end();
    });
    const error = await failure(client(server, { maxResponseBytes: 1_000_000 }).GET("/logs"));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({ limitBytes: 1_000_000, status: 200 });
    expect(error.message).toContain("maxResponseBytes (1000000 bytes)");
    expect(server.requests).toHaveLength(1);
  });

  it("counts decoded bytes: a small gzip body that expands past the limit is refused", async () => {
    // 64 MB of zeros compress to about 64 kB.
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x30));
    const server = await hostile((_, response) => {
      response.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
      response.end(bomb);
    });
    const before = process.memoryUsage().rss;
    const error = await failure(client(server).GET("/logs"));
    expect(bomb.length).toBeLessThan(1_000_000);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({ limitBytes: 32 * 1024 * 1024 });
    // The default limit (32 MiB) held: nowhere near the 64 MB (and twice that as a string).
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it("reads a body at the limit", async () => {
    const body = JSON.stringify(EMPTY_PAGE);
    const server = await hostile((_, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(body);
    });
    const page = unwrap(await client(server, { maxResponseBytes: body.length }).GET("/logs"));
    expect(page).toEqual(EMPTY_PAGE);
  });

  it("rejects a bad maxResponseBytes at construction", async () => {
    const server = await hostile(() => {});
    expect(() => client(server, { maxResponseBytes: 0 })).toThrow(/bad option maxResponseBytes/);
  });
});

describe("redirects stay on the origin", () => {
  it("follows a same-origin redirect, with credentials", async () => {
    const server = await hostile((request, response) => {
      if (request.url?.startsWith("/moved")) {
        response.writeHead(200, { "content-type": "application/json" });
        response.end(JSON.stringify(EMPTY_PAGE));
      } else {
        response.writeHead(301, { location: "/moved/logs" });
        response.end();
      }
    });
    const { data, response } = await client(server).GET("/logs");
    expect(data).toEqual(EMPTY_PAGE);
    expect(response.url).toBe(`${server.url}/moved/logs`);
    expect(server.requests.map((request) => request.headers.authorization)).toEqual([
      `Basic ${CREDENTIALS}`,
      `Basic ${CREDENTIALS}`,
    ]);
  });

  it("refuses a redirect to another port of the same host: the other server receives nothing", async () => {
    const other = await hostile((_, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify(EMPTY_PAGE));
    });
    const server = await hostile((request, response) => {
      response.writeHead(308, { location: `${other.url}${request.url}` });
      response.end();
    });
    const error = await failure(client(server).GET("/logs"));
    expect(error).toBeInstanceOf(RedirectError);
    expect(error.message).toContain(`${other.url}/api/voice/logs, not followed: another origin.`);
    expect(other.requests).toEqual([]);
    expect(server.requests).toHaveLength(1); // not retried
  });

  it("refuses https → http on the same host", async () => {
    const fetch = async (request: Request) => {
      expect(new URL(request.url).protocol).toBe("https:");
      return new Response(null, { status: 302, headers: { location: "http://api.test/api/voice/logs" } });
    };
    const https = createVoiceClient({
      baseUrl: "https://api.test/api/voice",
      projectId: PROJECT_ID,
      token: TOKEN,
      env: {},
      fetch,
    });
    const error = await failure(https.GET("/logs"));
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ status: 302, location: "http://api.test/api/voice/logs" });
  });

  it("stops a redirect loop after 20", async () => {
    const server = await hostile((_, response) => {
      response.writeHead(302, { location: "/api/voice/logs" });
      response.end();
    });
    const error = await failure(client(server).GET("/logs"));
    expect(error).toBeInstanceOf(RedirectError);
    expect(error.message).toContain("past 20 redirects");
    expect(server.requests).toHaveLength(21);
  });
});

describe("retries", () => {
  it.each(["x 1", "1 x", "2026-10-21T07:28:05Z", "-1"])(
    "Retry-After %j is no wait the server asked for: normal backoff",
    async (retryAfter) => {
      const server = await hostile((_, response) => {
        response.writeHead(503, { "retry-after": retryAfter });
        response.end();
      });
      const events: RetryEvent[] = [];
      await client(server, {
        maxRetries: 1,
        backoff: { initialDelayMs: 40, random: () => 0.5 },
        onRetry: (event) => events.push(event),
      }).GET("/logs");
      // Equal jitter of 40 ms at 0.5: 30 ms.
      expect(events.map((event) => event.delayMs)).toEqual([30]);
    },
  );

  it("does not retry a port fetch forbids", async () => {
    const events: RetryEvent[] = [];
    const error = await failure(
      createVoiceClient({
        baseUrl: "http://127.0.0.1:6000/api/voice",
        projectId: PROJECT_ID,
        token: TOKEN,
        env: {},
        onRetry: (event) => events.push(event),
      }).GET("/logs"),
    );
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ attempts: 1 });
    expect(error.message).toContain("bad port");
    expect(events).toEqual([]);
  });
});

describe("odd success answers", () => {
  it.each([
    ["an empty 200", 200, "", "empty"],
    ["a 204", 204, "", "empty"],
    ["a 205", 205, "", "empty"],
    ["null", 200, "null", "null"],
    ["0", 200, "0", "a number"],
    ["a list", 200, "[]", "a list"],
    ["a string", 200, '"str"', "a string"],
  ])("unwrap() of %s: UnexpectedResponseError naming the status", async (_, status, body, got) => {
    const server = await hostile((__, response) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(body);
    });
    const error = await failure(
      client(server)
        .GET("/logs")
        .then((result) => unwrap(result)),
    );
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error).toMatchObject({ status, problem: `the body is ${got}, expected a JSON object` });
    expect(error.message).toContain(`answered ${status}`);
  });
});

describe("a caller's AbortSignal.timeout()", () => {
  it("fired during the wait before a retry: counts only the attempts sent", async () => {
    const server = await hostile((_, response) => {
      response.writeHead(503);
      response.end();
    });
    const error = await failure(
      client(server, { backoff: { initialDelayMs: 60_000 } }).GET("/logs", {
        signal: AbortSignal.timeout(100),
      }),
    );
    expect(error).toMatchObject({ name: "TimeoutError", attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it("ends in TimeoutError, not AbortError", async () => {
    const server = await hostile(() => {}); // never answers
    const error = await failure(client(server).GET("/logs", { signal: AbortSignal.timeout(50) }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ name: "TimeoutError", timeoutMs: undefined, attempts: 1 });
  });
});
