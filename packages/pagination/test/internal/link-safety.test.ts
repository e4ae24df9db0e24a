import { describe, expect, it } from "vitest";
import { UnsafeNextLinkError } from "../../src/index.js";
import { linkProblem } from "../../src/internal/link-safety.js";
import { nextRequest } from "../../src/internal/next-request.js";

const PAGE = "https://example.signalwire.com/api/voice/logs?page_size=2";

describe("linkProblem: one rule per line", () => {
  it.each<[string, string | undefined]>([
    ["https://example.signalwire.com/api/voice/logs?page_token=PA1", undefined],
    ["https://example.signalwire.com:443/api/voice/logs", undefined],
    ["https://EXAMPLE.signalwire.com/api/voice/logs", undefined],
    ["https://example.signalwire.com/api/voice/logs#x", undefined],
    ["https://user:secret@example.signalwire.com/api/voice/logs", "has userinfo"],
    ["https://:secret@example.signalwire.com/api/voice/logs", "has userinfo"],
    ["http://example.signalwire.com/api/voice/logs", "is off origin"],
    ["https://example.signalwire.com:8443/api/voice/logs", "is off origin"],
    ["https://example.signalwire.com.evil.example/api/voice/logs", "is off origin"],
    ["https://other.signalwire.com/api/voice/logs", "is off origin"],
    ["data:text/plain,hi", "is off origin"],
    ["https://example.signalwire.com/api/voice/logs/", "is off path"],
    ["https://example.signalwire.com/api/voice/calls", "is off path"],
    ["https://example.signalwire.com/api/voice/LOGS", "is off path"],
  ])("%s → %s", (link, problem) => {
    expect(linkProblem(new URL(link), new URL(PAGE))).toBe(problem);
  });
});

describe("linkProblem: a link is at most 16 384 characters", () => {
  it.each([
    [16_384, undefined],
    [16_385, "is 16385 characters long, more than 16384"],
  ])("%i characters → %s", (length, problem) => {
    const head = "https://example.signalwire.com/api/voice/logs?a=";
    expect(linkProblem(new URL(head + "x".repeat(length - head.length)), new URL(PAGE))).toBe(problem);
  });
});

describe("nextRequest: the link's query, or UnsafeNextLinkError", () => {
  it("keeps the link's query (numbers as numbers) and makes its cursor", () => {
    const link =
      "https://example.signalwire.com/api/voice/logs?page_number=1&page_size=2&page_token=PA1&created_on=2026-01-15";
    expect(nextRequest("/logs", link, PAGE)).toEqual({
      path: "/logs",
      query: { page_number: 1, page_size: 2, page_token: "PA1", created_on: "2026-01-15" },
      at: "/logs?page_number=1&page_size=2&page_token=PA1&created_on=2026-01-15",
      cursor: "/logs?page_number=1&page_size=2&page_token=PA1&created_on=2026-01-15",
      key: '[["page_token","PA1"]]',
    });
  });

  it("resolves a relative link against the page", () => {
    expect(nextRequest("/logs", "?page_token=PA2", PAGE).query).toEqual({ page_token: "PA2" });
    expect(nextRequest("/logs", "logs?page_token=PA3", PAGE).query).toEqual({ page_token: "PA3" });
  });

  it.each<[string, string, string, string]>([
    // [link, page URL, link shown, expected]
    [
      "https://evil.example/api/voice/logs?page_token=PA1",
      PAGE,
      "https://evil.example/api/voice/logs",
      "https://example.signalwire.com/api/voice/logs",
    ],
    [
      "https://u:p@example.signalwire.com/api/voice/logs?t=1",
      PAGE,
      "https://example.signalwire.com/api/voice/logs",
      "https://example.signalwire.com/api/voice/logs",
    ],
    ["http://[::1", PAGE, "unknown", "https://example.signalwire.com/api/voice/logs"],
    ["https://example.signalwire.com/api/voice/logs", "", "unknown", "unknown"],
  ])("%s from %j is refused, shown without userinfo or query", (link, page, shown, expected) => {
    let thrown: unknown;
    try {
      nextRequest("/logs", link, page);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UnsafeNextLinkError);
    expect(thrown).toMatchObject({ link: shown, expected });
    expect((thrown as Error).message).not.toMatch(/u:p|page_token|t=1/);
  });
});
