import { readFileSync } from "node:fs";
import { inspect } from "node:util";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  AbortError,
  ApiError,
  createApiError,
  InputError,
  NetworkError,
  TimeoutError,
  unwrap,
  type ValidationErrorBody,
  VoiceError,
} from "../src/index.js";
import { CREDENTIALS, TOKEN, testClient } from "./helpers/client.js";
import { EMPTY_PAGE, fetchStub, hangingFetch, json } from "./helpers/fetch-stub.js";

const VALIDATION: ValidationErrorBody = {
  errors: [
    {
      type: "validation_error",
      code: "invalid_parameter",
      message: "must be less than or equal to 1000",
      attribute: "page_size",
      url: "https://developer.signalwire.com/rest/overview/error-codes",
    },
  ],
};

describe("createApiError: one place makes every ApiError", () => {
  it.each([
    // status, body, headers → message
    [
      422,
      VALIDATION,
      { "x-request-id": "req-42" },
      `answered 422: ${JSON.stringify(VALIDATION)}. Request id req-42.`,
    ],
    [
      401,
      { error: "Unauthorized" },
      {},
      `answered 401: {"error":"Unauthorized"}. Check projectId, token and the token's Voice scope.`,
    ],
    [500, { error: "Internal Server Error" }, {}, 'answered 500: {"error":"Internal Server Error"}.'],
    [502, "<html>Bad Gateway</html>", {}, "answered 502: <html>Bad Gateway</html>."],
    [503, undefined, {}, "answered 503: undefined."],
  ])("%i", (status, body, headers, says) => {
    const response = new Response(null, { status, headers });
    Object.defineProperty(response, "url", { value: "https://example.signalwire.com/api/voice/logs" });
    const error = createApiError(response, body);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(VoiceError);
    expect(error.message).toBe(`https://example.signalwire.com/api/voice/logs ${says}`);
    expect(error).toMatchObject({
      name: "ApiError",
      status,
      body,
      url: "https://example.signalwire.com/api/voice/logs",
    });
    expect(error.requestId).toBe(headers["x-request-id" as keyof typeof headers]);
  });

  it("cuts a long body in the message, but keeps it whole in `body`", () => {
    const body = "x".repeat(1_000);
    const error = createApiError(new Response(null, { status: 500 }), body);
    expect(error.message.length).toBeLessThan(400);
    expect(error.body).toBe(body);
  });

  it("narrows the body by status with is()", () => {
    const error: ApiError = createApiError(new Response(null, { status: 422 }), VALIDATION);
    expect(error.is(422)).toBe(true);
    expect(error.is(400)).toBe(false);
    if (error.is(422)) {
      expectTypeOf(error.body).toEqualTypeOf<ValidationErrorBody>();
      expect(error.body.errors[0]?.attribute).toBe("page_size");
    }
  });
});

describe("unwrap: the throwing style", () => {
  it("returns the data of a success", async () => {
    const page = unwrap(await testClient({ fetch: fetchStub(json(EMPTY_PAGE)) }).GET("/logs"));
    expect(page).toEqual(EMPTY_PAGE);
  });

  it("throws ApiError with status, typed body and request id for an error status", async () => {
    const fetch = fetchStub(json(VALIDATION, 422, { "x-request-id": "abc-123" }));
    const result = await testClient({ fetch }).GET("/logs");
    expect(() => unwrap(result)).toThrow(ApiError);
    try {
      unwrap(result);
    } catch (error) {
      expect(error).toMatchObject({ status: 422, body: VALIDATION, requestId: "abc-123" });
      expect((error as ApiError).url).toBe("http://api.test/api/voice/logs");
    }
  });

  it("throws for an error status with an empty body, which openapi-fetch reports as error: undefined", async () => {
    const fetch = fetchStub(new Response(null, { status: 404, headers: { "content-length": "0" } }));
    const result = await testClient({ fetch }).GET("/logs");
    expect(result.error).toBeUndefined();
    expect(() => unwrap(result)).toThrow(/answered 404/);
  });
});

describe("a success whose body is not JSON", () => {
  it("is a network failure (cut short or mangled on the way): retried, then NetworkError with the SyntaxError as cause", async () => {
    const fetch = fetchStub(
      new Response('{"links": {"self": "x"', { headers: { "content-type": "application/json" } }),
    );
    const error = await testClient({ fetch })
      .GET("/logs")
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toMatch(
      /^GET http:\/\/api\.test\/api\/voice\/logs \(attempt 3\) failed: .*JSON/,
    );
    expect((error as Error).cause).toMatchObject({ name: "SyntaxError" });
    expect(fetch.requests).toHaveLength(3);
  });

  it("is expected whatever the Content-Type says: an HTML page from a proxy fails the same way", async () => {
    const fetch = fetchStub(
      new Response("<html>maintenance</html>", { headers: { "content-type": "text/html" } }),
    );
    const error = await testClient({ fetch, maxRetries: 0 })
      .GET("/logs")
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toContain("not valid JSON");
  });

  it("parses a success once, even without Content-Type, and passes an empty one as undefined", async () => {
    const untyped = fetchStub(new Response(JSON.stringify(EMPTY_PAGE)));
    expect((await testClient({ fetch: untyped }).GET("/logs")).data).toEqual(EMPTY_PAGE);
    const empty = fetchStub(new Response(null, { status: 204 }));
    expect((await testClient({ fetch: empty }).GET("/logs")).data).toBeUndefined();
  });
});

describe("no error ever contains the token or the Authorization header", () => {
  // Servers and fetch implementations that echo everything they are given: the worst case.
  const echo = (status: number) => (request: Request) =>
    new Response(`you sent ${request.headers.get("authorization")} (${TOKEN})`, {
      status,
      headers: { "content-type": "application/json" },
    });
  const throwsRequest = (request: Request) => {
    throw Object.assign(new TypeError(`fetch failed with ${request.headers.get("authorization")}`), {
      cause: Object.assign(new Error(`socket hang up, token ${TOKEN}`), { code: "ECONNRESET", request }),
    });
  };

  const cases: [string, () => Promise<unknown>][] = [
    [
      "ApiError from an echoed 400",
      async () => unwrap(await testClient({ fetch: fetchStub(echo(400)) }).GET("/logs")),
    ],
    [
      "ApiError from an echoed 200 that is not JSON",
      () => testClient({ fetch: fetchStub(echo(200)) }).GET("/logs"),
    ],
    [
      "NetworkError from a fetch that throws the request",
      () => testClient({ fetch: fetchStub(throwsRequest) }).GET("/logs"),
    ],
    [
      "TimeoutError",
      () => testClient({ fetch: fetchStub(hangingFetch), timeoutMs: 5, maxRetries: 0 }).GET("/logs"),
    ],
    [
      "AbortError",
      () =>
        testClient({ fetch: fetchStub(hangingFetch) }).GET("/logs", {
          signal: AbortSignal.abort(new Error("stop")),
        }),
    ],
    [
      "InputError",
      () =>
        testClient({ fetch: fetchStub(json(EMPTY_PAGE)) }).GET("/logs", {
          params: { query: { page_size: 0 } },
        }),
    ],
    ["InputError from options", async () => testClient({ token: `${TOKEN} ` })],
  ];

  it.each(cases)("%s", async (_, run) => {
    const error = await Promise.resolve()
      .then(run)
      .then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
    expect(error).toBeInstanceOf(VoiceError);
    const views = [
      String(error),
      (error as Error).message,
      (error as Error).stack,
      JSON.stringify(error),
      inspect(error, { depth: 10, showHidden: true }),
      inspect((error as Error).cause, { depth: 10, showHidden: true }),
      JSON.stringify((error as ApiError).body),
    ];
    for (const view of views.filter((text) => text !== undefined)) {
      expect(view).not.toContain(TOKEN);
      expect(view).not.toContain(CREDENTIALS);
    }
  });

  it("JSON.stringify gives the name, message and fields", async () => {
    const error = createApiError(new Response(null, { status: 401 }), { error: "Unauthorized" });
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      name: "ApiError",
      message: expect.stringContaining("answered 401"),
      status: 401,
      body: { error: "Unauthorized" },
    });
  });
});

it("every error class is a VoiceError with its own name", () => {
  for (const [ErrorClass, name] of [
    [ApiError, "ApiError"],
    [NetworkError, "NetworkError"],
    [TimeoutError, "TimeoutError"],
    [AbortError, "AbortError"],
    [InputError, "InputError"],
  ] as const) {
    const error = new ErrorClass("m");
    expect(error).toBeInstanceOf(VoiceError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
    expect(String(error)).toBe(`${name}: m`);
  }
});

it("InputError's JSDoc example quotes the message the client really throws", async () => {
  const source = readFileSync(new URL("../src/errors/input-error.ts", import.meta.url), "utf8");
  // The example's comment: // "query.page_size", "<message>"
  const [, field, documented] = /\/\/ "([^"]+)", "([^"]+)"/.exec(source) ?? [];
  const error = await testClient({ fetch: fetchStub(json(EMPTY_PAGE)) })
    .GET("/logs", { params: { query: { page_size: 5000 } } })
    .catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(InputError);
  expect(error).toMatchObject({ field, message: documented });
});

describe("instanceof within one copy", () => {
  it("holds for each class and its base only", () => {
    const classes = [ApiError, NetworkError, TimeoutError, AbortError, InputError] as const;
    for (const ErrorClass of classes) {
      const error = new ErrorClass("m");
      for (const Other of classes) expect(error instanceof Other).toBe(Other === ErrorClass);
    }
  });

  it("lets subclasses (pagination's, yours) keep the usual prototype check", () => {
    class PagesError extends VoiceError {
      override name = "PagesError";
    }
    class MyApiError extends ApiError {}
    expect(new PagesError("m")).toBeInstanceOf(VoiceError);
    expect(new PagesError("m")).toBeInstanceOf(PagesError);
    expect(new NetworkError("m")).not.toBeInstanceOf(PagesError);
    expect(new VoiceError("m")).not.toBeInstanceOf(PagesError);
    expect(new MyApiError("m")).toBeInstanceOf(ApiError);
    expect(new ApiError("m")).not.toBeInstanceOf(MyApiError);
  });

  it("still narrows the type", () => {
    const error: unknown = createApiError(new Response(null, { status: 422 }), VALIDATION);
    if (error instanceof ApiError) expect(error.is(422)).toBe(true); // compiles only if narrowed
    if (error instanceof VoiceError) expectTypeOf(error).toEqualTypeOf<VoiceError>();
    expect(error).toBeInstanceOf(ApiError);
  });
});
