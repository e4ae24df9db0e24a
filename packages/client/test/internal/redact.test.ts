import { describe, expect, it } from "vitest";
import { redact, safeCause } from "../../src/internal/redact.js";

describe("redact", () => {
  it.each([
    ["no secret here", ["tok"], "no secret here"],
    ["Basic dG9r and tok", ["tok", "dG9r"], "Basic [redacted] and [redacted]"],
    ["toktok", ["tok"], "[redacted][redacted]"],
    ["anything", [""], "anything"], // an empty secret redacts nothing
  ])("%j with %j → %j", (text, secrets, want) => {
    expect(redact(text, secrets)).toBe(want);
  });
});

describe("safeCause", () => {
  it("copies the innermost cause, redacted, with its name and code, and nothing else", () => {
    const root = Object.assign(new Error("connect ECONNREFUSED; header was Basic c2VjcmV0"), {
      name: "SocketError",
      code: "ECONNREFUSED",
      request: { headers: { authorization: "Basic c2VjcmV0" } },
    });
    const copy = safeCause(new TypeError("fetch failed", { cause: root }), ["c2VjcmV0"]);
    expect(copy).toMatchObject({ name: "SocketError", code: "ECONNREFUSED" });
    expect(copy.message).toBe("connect ECONNREFUSED; header was Basic [redacted]");
    expect(Object.keys(copy)).toEqual(["name", "code"]);
    expect(copy.stack).not.toContain("c2VjcmV0");
    expect(copy.cause).toBeUndefined();
  });

  it("accepts things that are not errors", () => {
    expect(safeCause("boom tok", ["tok"]).message).toBe("boom [redacted]");
    expect(safeCause(undefined, []).message).toBe("undefined");
  });
});
