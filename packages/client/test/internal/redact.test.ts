import { describe, expect, it } from "vitest";
import { redact, safeCause, secretPattern } from "../../src/internal/redact.js";

// A token with every character JSON and URLs escape (options.ts allows printable ASCII).
const TOKEN = 'PT"a\\b/c<d>&e%f+g=h';
const BASIC = btoa(`project:${TOKEN}`);

describe("redact: every way a server may write a secret back", () => {
  const secrets = secretPattern([TOKEN, BASIC]);
  it.each([
    // how the server wrote it → the text it sent
    ["as is", `bad token ${TOKEN}`],
    ["JSON-escaped (JSON.stringify)", `{"error":${JSON.stringify(`bad token ${TOKEN}`)}}`],
    ["JSON with escaped slashes (PHP)", JSON.stringify(TOKEN).replaceAll("/", "\\/")],
    [
      "JSON with \\u escapes for < > & (Go, Rails)",
      JSON.stringify(TOKEN).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`),
    ],
    [
      "JSON with \\u escapes for every character",
      [...TOKEN].map((c) => `\\u00${c.charCodeAt(0).toString(16).toUpperCase()}`).join(""),
    ],
    ["percent-encoded (encodeURIComponent)", `https://api.test/logs?token=${encodeURIComponent(TOKEN)}`],
    [
      "percent-encoded in lower case",
      encodeURIComponent(TOKEN).replace(/%[\dA-F]{2}/g, (c) => c.toLowerCase()),
    ],
    ["form-encoded (URLSearchParams)", new URLSearchParams({ token: TOKEN }).toString()],
    ["percent-encoded, then JSON-escaped", JSON.stringify({ next: `?t=${encodeURIComponent(TOKEN)}` })],
    ["the Basic credentials, echoed", `you sent Basic ${BASIC}`],
    ["the Basic credentials, percent-encoded", encodeURIComponent(`Basic ${BASIC}`)],
    ["the Basic credentials, JSON-escaped with slashes", JSON.stringify(BASIC).replaceAll("/", "\\/")],
  ])("%s", (_, text) => {
    const safe = redact(text, secrets);
    expect(safe).toContain("[redacted]");
    for (const form of [TOKEN, JSON.stringify(TOKEN).slice(1, -1), encodeURIComponent(TOKEN), BASIC]) {
      expect(safe).not.toContain(form);
    }
    // Nothing of the token is left around the redaction: the message still reads.
    expect(safe.replace(/\[redacted\]/g, "")).not.toMatch(/PT|g=h|g%3Dh/i);
  });

  it.each([
    // text, secrets → want
    ["no secret here", ["test-token"], "no secret here"],
    ["test-tokentest-token", ["test-token"], "[redacted][redacted]"],
    ["bad port: test-token", ["test-token"], "bad port: [redacted]"],
    ['{"error":"bad token a\\"b-token"}', ['a"b-token'], '{"error":"bad token [redacted]"}'],
  ])("%j with %j → %j", (text, secrets, want) => {
    expect(redact(text, secretPattern(secrets))).toBe(want);
  });
});

describe("safeCause", () => {
  it("copies the innermost cause, redacted, with its name and code, and nothing else", () => {
    const root = Object.assign(new Error("connect ECONNREFUSED; header was Basic c2VjcmV0LXRva2Vu"), {
      name: "SocketError",
      code: "ECONNREFUSED",
      request: { headers: { authorization: "Basic c2VjcmV0LXRva2Vu" } },
    });
    const copy = safeCause(
      new TypeError("fetch failed", { cause: root }),
      secretPattern(["c2VjcmV0LXRva2Vu"]),
    );
    expect(copy).toMatchObject({ name: "SocketError", code: "ECONNREFUSED" });
    expect(copy.message).toBe("connect ECONNREFUSED; header was Basic [redacted]");
    expect(Object.keys(copy)).toEqual(["name", "code"]);
    expect(copy.stack).not.toContain("c2VjcmV0LXRva2Vu");
    expect(copy.cause).toBeUndefined();
  });

  it("accepts things that are not errors", () => {
    expect(safeCause("boom test-token", secretPattern(["test-token"])).message).toBe("boom [redacted]");
    expect(safeCause(undefined, secretPattern(["test-token"])).message).toBe("undefined");
  });
});
