import { describe, expect, it } from "vitest";
import { createRedactor, safeCause } from "../../src/internal/redact.js";

// A token with every character JSON and URLs escape (options.ts allows printable ASCII).
const TOKEN = 'PT"a\\b/c<d>&e%f+g=h';
const BASIC = btoa(`project:${TOKEN}`);

describe("createRedactor: every way a server may write a secret back", () => {
  const redact = createRedactor([TOKEN, BASIC]);
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
    [
      "the first 10 characters, quoted by a JSON parser",
      `Unexpected token 'P', "${TOKEN.slice(0, 10)}"... is not valid JSON`,
    ],
    ["a middle part of the token", `token ends in ${TOKEN.slice(5)}`],
    ["the token in upper case", TOKEN.toUpperCase()],
  ])("%s", (_, text) => {
    const safe = redact(text);
    expect(safe).toContain("[redacted]");
    // No 8 characters of the token, in any of its spellings, are left.
    for (const form of [TOKEN, JSON.stringify(TOKEN).slice(1, -1), encodeURIComponent(TOKEN), BASIC]) {
      for (let at = 0; at + 8 <= form.length; at++) expect(safe).not.toContain(form.slice(at, at + 8));
    }
    // Nothing of the token is left around the redaction: the message still reads.
    expect(safe.replace(/\[redacted\]/g, "")).not.toMatch(/PT"|g=h|g%3Dh/i);
  });

  it.each([
    // text, secrets → want
    ["no secret here", ["test-token"], "no secret here"],
    ["test-tokentest-token", ["test-token"], "[redacted]"],
    ["test-token and test-token", ["test-token"], "[redacted] and [redacted]"],
    ["bad port: test-token", ["test-token"], "bad port: [redacted]"],
    ["7 in a row is no trace: test-to", ["test-token"], "7 in a row is no trace: test-to"],
    ["8 in a row is: est-toke!", ["test-token"], "8 in a row is: [redacted]!"],
    ['{"error":"bad token a\\"b-token"}', ['a"b-token'], '{"error":"bad token [redacted]"}'],
    ["%74%65%73%74%2d%74%6f%6b%65%6e", ["test-token"], "[redacted]"],
  ])("%j with %j → %j", (text, secrets, want) => {
    expect(createRedactor(secrets)(text)).toBe(want);
  });

  it("is linear: a megabyte of secret-like characters is scanned once", () => {
    const redact = createRedactor(["abcdefghijklmnop"]);
    const text = "ponmlkjihgfedcba".repeat(65_536);
    expect(redact(text)).toBe(text);
    expect(redact(`${text}abcdefghij`)).toBe(
      `${text}[redacted]`.replace(/ponmlkjihgfedcba\[/, "ponmlkjihgfedcba["),
    );
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
      createRedactor(["c2VjcmV0LXRva2Vu"]),
    );
    expect(copy).toMatchObject({ name: "SocketError", code: "ECONNREFUSED" });
    expect(copy.message).toBe("connect ECONNREFUSED; header was Basic [redacted]");
    expect(Object.keys(copy)).toEqual(["name", "code"]);
    expect(copy.stack).not.toContain("c2VjcmV0LXRva2Vu");
    expect(copy.cause).toBeUndefined();
  });

  it("redacts a name and a code that carry a secret", () => {
    const root = Object.assign(new Error("x"), { name: "Err test-token", code: "test-token" });
    const copy = safeCause(root, createRedactor(["test-token"]));
    expect(copy).toMatchObject({ name: "Err [redacted]", code: "[redacted]" });
  });

  it("accepts things that are not errors", () => {
    expect(safeCause("boom test-token", createRedactor(["test-token"])).message).toBe("boom [redacted]");
    expect(safeCause(undefined, createRedactor(["test-token"])).message).toBe("undefined");
  });
});
