import { describe, expect, it } from "vitest";
import { createVoiceClient } from "../src/index.js";
import { EMPTY_PAGE, fetchStub, json } from "./helpers/fetch-stub.js";

describe("Authorization goes to the configured origin only", () => {
  const client = (fetch: ReturnType<typeof fetchStub>) =>
    createVoiceClient({ space: "example", projectId: "p", token: "PT-token", env: {}, fetch });

  it.each([
    // per-request baseUrl → Authorization sent?
    ["https://example.signalwire.com/api/voice", true],
    ["https://EXAMPLE.signalwire.com/api/voice", true], // the same host, normalised
    ["https://example.signalwire.com:443/api/voice", true], // the default port is the same origin
    ["https://example.signalwire.com/other-base", true], // same origin, other path
    ["http://example.signalwire.com/api/voice", false], // another scheme
    ["https://example.signalwire.com:8443/api/voice", false], // another port
    ["https://other.signalwire.com/api/voice", false], // another Space
    ["https://example.signalwire.com.evil.example/api/voice", false], // a look-alike that starts with the origin
    ["https://evil.example/https://example.signalwire.com/api/voice", false],
  ])("%s → %s", async (baseUrl, sent) => {
    const fetch = fetchStub(json(EMPTY_PAGE));
    await client(fetch).GET("/logs", { baseUrl });
    expect(fetch.requests[0]?.headers.get("authorization")).toBe(sent ? `Basic ${btoa("p:PT-token")}` : null);
  });

  it("sends nothing at all to a URL with userinfo (fetch refuses to build the Request)", async () => {
    const fetch = fetchStub(json(EMPTY_PAGE));
    await expect(
      client(fetch).GET("/logs", { baseUrl: "https://example.signalwire.com@evil.example/api/voice" }),
    ).rejects.toThrow(TypeError);
    expect(fetch.requests).toHaveLength(0);
  });

  it("sends the user agent everywhere, credentials or not", async () => {
    const fetch = fetchStub(json(EMPTY_PAGE));
    await client(fetch).GET("/logs", { baseUrl: "https://elsewhere.example/api" });
    expect(fetch.requests[0]?.headers.get("user-agent")).toMatch(/^signalwire-voice-client\//);
  });
});
