import { describe, expect, it } from "vitest";
import { createVoiceClient, InputError, type VoiceClientOptions } from "../src/index.js";
import { resolveOptions } from "../src/internal/options.js";
import { EMPTY_PAGE, fetchStub, json } from "./helpers/fetch-stub.js";

const CREDENTIALS = { projectId: "test-project", token: "test-token", env: {} } as const;

describe("createVoiceClient options: defaults and environment fallbacks", () => {
  it("builds https://{space}.signalwire.com/api/voice from space", () => {
    expect(resolveOptions({ space: "example", ...CREDENTIALS })).toMatchObject({
      baseUrl: "https://example.signalwire.com/api/voice",
      origin: "https://example.signalwire.com",
      maxRetries: 2,
      timeoutMs: 60_000,
      backoff: { initialDelayMs: 500, maxDelayMs: 8_000 },
    });
  });

  it("reads SIGNALWIRE_SPACE, SIGNALWIRE_PROJECT_ID and SIGNALWIRE_API_TOKEN from the injected env", () => {
    const env = { SIGNALWIRE_SPACE: "acme", SIGNALWIRE_PROJECT_ID: "p-1", SIGNALWIRE_API_TOKEN: "PT123456" };
    expect(resolveOptions({ env })).toMatchObject({
      baseUrl: "https://acme.signalwire.com/api/voice",
      authorization: `Basic ${btoa("p-1:PT123456")}`,
    });
  });

  it("prefers options to the environment, and baseUrl to SIGNALWIRE_SPACE", () => {
    const env = {
      SIGNALWIRE_SPACE: "acme",
      SIGNALWIRE_PROJECT_ID: "env-p",
      SIGNALWIRE_API_TOKEN: "env-token",
    };
    expect(resolveOptions({ env, space: "other", projectId: "p", token: "PT-token" })).toMatchObject({
      origin: "https://other.signalwire.com",
      authorization: `Basic ${btoa("p:PT-token")}`,
    });
    expect(resolveOptions({ env, baseUrl: "http://127.0.0.1:4010/api/voice/" })).toMatchObject({
      origin: "http://127.0.0.1:4010",
    });
  });

  it("reads SIGNALWIRE_BASE_URL: over SIGNALWIRE_SPACE, under the space and baseUrl options", () => {
    const env = {
      SIGNALWIRE_BASE_URL: "http://127.0.0.1:4010/api/voice",
      SIGNALWIRE_SPACE: "acme",
      SIGNALWIRE_PROJECT_ID: "p-1",
      SIGNALWIRE_API_TOKEN: "PT123456",
    };
    // given options → the origin requests go to
    const cases: [VoiceClientOptions, string][] = [
      [{ env }, "http://127.0.0.1:4010"],
      [{ env, space: "other" }, "https://other.signalwire.com"],
      [{ env, baseUrl: "https://proxy.example/api/voice" }, "https://proxy.example"],
      [{ env: { ...env, SIGNALWIRE_BASE_URL: "" } }, "https://acme.signalwire.com"],
      [{ env, baseUrl: undefined, space: undefined }, "http://127.0.0.1:4010"],
    ];
    for (const [options, origin] of cases) expect(resolveOptions(options).origin).toBe(origin);
  });

  it("holds SIGNALWIRE_BASE_URL to the baseUrl rules, naming the variable, never its userinfo", () => {
    const credentials = { SIGNALWIRE_PROJECT_ID: "p-1", SIGNALWIRE_API_TOKEN: "PT123456" };
    const create = (url: string) => () =>
      createVoiceClient({ env: { ...credentials, SIGNALWIRE_BASE_URL: url } });
    expect(create("http://api.example.com/api/voice")).toThrow(
      'createVoiceClient: bad option baseUrl: expected an https URL (http only on loopback or *.test) without user, query or hash, got "http://api.example.com/api/voice". Pass { baseUrl } or set SIGNALWIRE_BASE_URL.',
    );
    const leaky = create("https://user:s3cret-pass@proxy.example/api/voice");
    expect(leaky).toThrow(InputError);
    expect(leaky).toThrow('got "https://[redacted]@proxy.example/api/voice"');
    expect(leaky).not.toThrow(/s3cret|user:/);
  });

  it("takes undefined for any option, as not given (exactOptionalPropertyTypes callers)", () => {
    const env = { SIGNALWIRE_SPACE: "acme", SIGNALWIRE_PROJECT_ID: "p-1", SIGNALWIRE_API_TOKEN: "PT123456" };
    const options: VoiceClientOptions = {
      env,
      space: undefined,
      projectId: undefined,
      token: undefined,
      maxRetries: undefined,
      timeoutMs: undefined,
      backoff: undefined,
      onRetry: undefined,
    };
    expect(resolveOptions(options)).toMatchObject({
      origin: "https://acme.signalwire.com",
      maxRetries: 2,
      timeoutMs: 60_000,
      authorization: `Basic ${btoa("p-1:PT123456")}`,
    });
  });

  it("takes a baseUrl with a trailing slash", async () => {
    const fetch = fetchStub(json(EMPTY_PAGE));
    await createVoiceClient({ baseUrl: "http://127.0.0.1:4010/api/voice/", ...CREDENTIALS, fetch }).GET(
      "/logs",
    );
    expect(fetch.requests[0]?.url).toBe("http://127.0.0.1:4010/api/voice/logs");
    expect(fetch.requests[0]?.headers.get("authorization")).toBe(`Basic ${btoa("test-project:test-token")}`);
  });

  it("takes a mixed-case space as the same host", () => {
    expect(resolveOptions({ space: "Example-1", ...CREDENTIALS }).origin).toBe(
      "https://example-1.signalwire.com",
    );
  });

  it("sends to the space's URL, with Accept, the user agent and extra headers", async () => {
    const fetch = fetchStub(json(EMPTY_PAGE));
    const client = createVoiceClient({
      space: "example",
      ...CREDENTIALS,
      fetch,
      headers: { "x-team": "billing" },
      userAgent: "my-app/1.2",
    });
    await client.GET("/logs");
    const [request] = fetch.requests;
    expect(request?.url).toBe("https://example.signalwire.com/api/voice/logs");
    expect(request?.headers.get("accept")).toBe("application/json");
    expect(request?.headers.get("x-team")).toBe("billing");
    expect(request?.headers.get("user-agent")).toMatch(
      /^signalwire-voice-client\/\d+\.\d+\.\d+ my-app\/1\.2$/,
    );
  });
});

describe("createVoiceClient options: a missing or malformed option throws InputError before any request", () => {
  const good: VoiceClientOptions = { space: "example", ...CREDENTIALS };
  it.each<[string, VoiceClientOptions, string, string]>([
    // case, options → field, and what the message says
    [
      "no space at all",
      { projectId: "p", token: "PT-token", env: {} },
      "space",
      "Pass { space } or set SIGNALWIRE_SPACE",
    ],
    [
      "a full host as space",
      { ...good, space: "example.signalwire.com" },
      "space",
      'got "example.signalwire.com"',
    ],
    ["a URL as space", { ...good, space: "https://example" }, "space", 'a Space name like "example"'],
    ["a space with a space", { ...good, space: "my space" }, "space", 'got "my space"'],
    ["a space with a leading hyphen", { ...good, space: "-example" }, "space", 'got "-example"'],
    ["a 64-character space", { ...good, space: "a".repeat(64) }, "space", "got"],
    [
      "an empty SIGNALWIRE_SPACE",
      { projectId: "p", token: "PT-token", env: { SIGNALWIRE_SPACE: "" } },
      "space",
      "got",
    ],
    ["an empty baseUrl", { ...CREDENTIALS, baseUrl: "" }, "baseUrl", 'got ""'],
    [
      "a baseUrl that is not a URL",
      { ...CREDENTIALS, baseUrl: "localhost:4010" },
      "baseUrl",
      'got "localhost:4010"',
    ],
    ["a ftp baseUrl", { ...CREDENTIALS, baseUrl: "ftp://example.test/api" }, "baseUrl", "an https URL"],
    [
      "credentials in baseUrl",
      { ...CREDENTIALS, baseUrl: "https://u:p@example.test/api" },
      "baseUrl",
      "without user",
    ],
    [
      "a query in baseUrl",
      { ...CREDENTIALS, baseUrl: "https://example.test/api?x=1" },
      "baseUrl",
      "query or hash",
    ],
    [
      "no projectId",
      { space: "example", token: "PT-token", env: {} },
      "projectId",
      "your Project ID is missing. Pass { projectId } or set SIGNALWIRE_PROJECT_ID",
    ],
    ["a projectId with ':'", { ...good, projectId: "a:b" }, "projectId", 'your Project ID contains ":"'],
    [
      "no token",
      { space: "example", projectId: "p", env: {} },
      "token",
      "your API token is missing. Pass { token } or set SIGNALWIRE_API_TOKEN",
    ],
    ["a token with a space", { ...good, token: "PT 12345678" }, "token", "your API token contains a space"],
    ["a token with a newline", { ...good, token: "PT12345678\n" }, "token", "contains a line break"],
    ["a non-ASCII token", { ...good, token: "PT-tokené" }, "token", "not printable ASCII"],
    [
      "a token with a smart quote",
      { ...good, token: "\u201cPT-token\u201d" },
      "token",
      "not printable ASCII",
    ],
    ["a token with ':'", { ...good, token: "PT:12345678" }, "token", 'contains ":"'],
    // Redaction removes any 8 of the token's characters in a row: a short one would garble words.
    ["a 7-character token", { ...good, token: "PT12345" }, "token", "is 7 characters, expected 8 or more"],
    ["fetch not a function", { ...good, fetch: "fetch" as never }, "fetch", "expected a function"],
    ["negative maxRetries", { ...good, maxRetries: -1 }, "maxRetries", "an integer >= 0"],
    ["fractional maxRetries", { ...good, maxRetries: 1.5 }, "maxRetries", "an integer >= 0"],
    ["timeoutMs 0", { ...good, timeoutMs: 0 }, "timeoutMs", "an integer >= 1"],
    ["timeoutMs Infinity", { ...good, timeoutMs: Number.POSITIVE_INFINITY }, "timeoutMs", "an integer >= 1"],
    ["timeoutMs beyond setTimeout", { ...good, timeoutMs: 2 ** 31 }, "timeoutMs", "an integer >= 1"],
    ["a negative backoff", { ...good, backoff: { initialDelayMs: -5 } }, "backoff", "integers >= 0"],
  ])("%s", (_, options, field, says) => {
    let error: unknown;
    try {
      createVoiceClient(options);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ field });
    expect((error as Error).message).toMatch(new RegExp(`^createVoiceClient: bad option ${field}: `));
    expect((error as Error).message).toContain(says);
  });

  it("never quotes a credential's value", () => {
    for (const options of [
      { ...good, token: "PT secret-ish" },
      { ...good, token: "PTsecret-ish\n" },
      { ...good, token: "PTsecret-ishé" },
      { ...good, projectId: "secret:ish" },
    ]) {
      expect(() => createVoiceClient(options)).toThrow(/^(?!.*secret).*$/s);
    }
  });

  it("never quotes a credential put in a baseUrl or a space", () => {
    const token = "PTsecret-value-123";
    for (const baseUrl of [
      `https:\\\\user:${token}@example.test/api`,
      `https:/user:${token}@example.test/api`,
      `http://evil.example/api?key=${token}`,
      `not a url ${token}@x`,
    ]) {
      expect(() => createVoiceClient({ projectId: "p", token, baseUrl, env: {} })).toThrow(
        /^(?!.*secret-va).*$/s,
      );
    }
    expect(() =>
      createVoiceClient({ projectId: "p", token, space: token.replace("-", " "), env: {} }),
    ).toThrow(/^(?!.*secret).*$/s);
  });

  it("names every missing or malformed option at once", () => {
    expect(() => createVoiceClient({ env: {}, maxRetries: -1 })).toThrow(
      expect.objectContaining({
        field: "space",
        message: expect.stringMatching(
          /bad option space: .* bad option projectId: your Project ID is missing\. .* bad option token: your API token is missing\. .* bad option maxRetries: /,
        ),
      }),
    );
  });
});

describe("baseUrl: https, or plain http only where Basic credentials stay off the network", () => {
  it.each([
    // baseUrl → accepted?
    ["https://example.test/api/voice", true],
    ["https://proxy.example.com:8443/api/voice", true],
    ["http://127.0.0.1:4010/api/voice", true], // loopback: 127.0.0.0/8
    ["http://127.255.0.9/api/voice", true],
    ["http://127.1:4010/api/voice", true], // the URL parser reads it as 127.0.0.1
    ["http://localhost:4010/api/voice", true],
    ["http://LOCALHOST/api/voice", true],
    ["http://[::1]:4010/api/voice", true],
    ["http://[0:0::1]/api/voice", true], // ::1 written long
    ["http://mock.test/api/voice", true], // RFC 6761 .test: the in-process mock server
    ["http://api.staging.test:8080/api/voice", true],
    ["http://example.signalwire.com/api/voice", false],
    ["http://proxy.internal/api/voice", false],
    ["http://10.0.0.1/api/voice", false],
    ["http://128.0.0.1/api/voice", false],
    ["http://[::2]/api/voice", false],
    ["http://[::ffff:127.0.0.1]/api/voice", false], // IPv4-mapped: not the loopback interface
    ["http://localhost.example.com/api/voice", false],
    ["http://127.0.0.1.nip.io/api/voice", false], // a public name that resolves to loopback
    ["http://test/api/voice", false],
    ["http://mock.test.example.com/api/voice", false],
    ["http://mock.test@evil.example/api/voice", false],
  ])("%s → %s", (baseUrl, accepted) => {
    const create = () => createVoiceClient({ ...CREDENTIALS, baseUrl });
    if (accepted) expect(create).not.toThrow();
    else expect(create).toThrow(InputError);
  });

  it("says which option, what was expected, and how to fix it", () => {
    expect(() => createVoiceClient({ ...CREDENTIALS, baseUrl: "http://api.example.com/api/voice" })).toThrow(
      expect.objectContaining({
        name: "InputError",
        field: "baseUrl",
        message:
          'createVoiceClient: bad option baseUrl: expected an https URL (http only on loopback or *.test) without user, query or hash, got "http://api.example.com/api/voice". Pass { baseUrl } or set SIGNALWIRE_BASE_URL.',
      }),
    );
  });
});
