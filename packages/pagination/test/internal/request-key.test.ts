import { describe, expect, it } from "vitest";
import { keyOf } from "../../src/internal/request-key.js";

const key = (search: string) => keyOf(new URLSearchParams(search));

describe("keyOf: the same page asked twice has one key, however spelled", () => {
  it.each<[string, string, string]>([
    // [why, one spelling, another]
    [
      "parameters in another order",
      "page_size=10&created_on=2026-01-15",
      "created_on=2026-01-15&page_size=10",
    ],
    [
      "percent-encoded otherwise",
      "created_after=2026-01-01T00:00:00Z",
      "created%5Fafter=2026-01-01T00%3A00%3A00Z",
    ],
    ["page_number 0 is the first page, as is none", "page_number=0&page_size=10", "page_size=10"],
    [
      "a page token names a position, whatever page_number says",
      "page_number=1&page_token=PA1",
      "page_number=7&page_token=PA1",
    ],
    ["…or page_size", "page_size=10&page_token=PA1", "page_size=20&page_token=PA1"],
    ["a list in another order", "status=a&status=b", "status=b&status=a"],
    ["a long query in another order", `a=${"x".repeat(200)}&b=1`, `b=1&a=${"x".repeat(200)}`],
  ])("%s", (_, one, another) => {
    expect(key(one)).toBe(key(another));
  });
});

describe("keyOf: different pages have different keys", () => {
  it.each<[string, string, string]>([
    ["another page number, no token", "page_number=1&page_size=10", "page_number=2&page_size=10"],
    ["another page size, no token", "page_size=10", "page_size=20"],
    ["another token", "page_token=PA1", "page_token=PA2"],
    ["a filter more", "page_size=10", "page_size=10&include_deleted=true"],
    ["page_number 1 is not the first page", "page_number=1&page_size=10", "page_size=10"],
    ["long queries that differ in one character", `a=${"x".repeat(200)}`, `a=${"x".repeat(199)}y`],
  ])("%s", (_, one, another) => {
    expect(key(one)).not.toBe(key(another));
  });
});

describe("keyOf: keys stay short", () => {
  it("a short query is its own key; a long one is a hash of 12 characters at most", () => {
    expect(key("page_number=1&page_size=100&page_token=PA5f1e0a93-3c1b-4b8e-9d2a-0c5e7f8a9b10")).toBe(
      '[["page_token","PA5f1e0a93-3c1b-4b8e-9d2a-0c5e7f8a9b10"]]',
    );
    expect(key("page_size=10&created_on=2026-01-15&page_number=0")).toBe(
      '[["created_on","2026-01-15"],["page_size","10"]]',
    );
    expect(key(`a=${"x".repeat(16_000)}`)).toMatch(/^#[0-9a-z]{1,11}$/);
  });

  it("10 000 different long queries: 10 000 different keys", () => {
    const keys = new Set(
      Array.from({ length: 10_000 }, (_, index) => key(`a=${"x".repeat(100)}&n=${index}`)),
    );
    expect(keys.size).toBe(10_000);
  });
});
