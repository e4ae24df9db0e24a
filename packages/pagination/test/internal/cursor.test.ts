import { InputError } from "@signalwire-voice/client";
import { describe, expect, it } from "vitest";
import { fromCursor, requestOf } from "../../src/internal/cursor.js";

describe("requestOf: a query string → the request, its cursor and its repeat key", () => {
  it.each<[string, Record<string, unknown>, string, string]>([
    // [search, query, cursor, key]
    ["", {}, "/logs?", "/logs?"],
    ["?page_size=10", { page_size: 10 }, "/logs?page_size=10", "/logs?page_size=10"],
    [
      "?page_number=3&page_size=1000&page_token=PAabc",
      { page_number: 3, page_size: 1000, page_token: "PAabc" },
      "/logs?page_number=3&page_size=1000&page_token=PAabc",
      "PAabc",
    ],
    // Filters stay strings, as sent; percent-encoding is normalised, so equal links give equal cursors.
    [
      "?created_after=2026-01-01T00:00:00Z&include_deleted=true",
      { created_after: "2026-01-01T00:00:00Z", include_deleted: "true" },
      "/logs?created_after=2026-01-01T00%3A00%3A00Z&include_deleted=true",
      "/logs?created_after=2026-01-01T00%3A00%3A00Z&include_deleted=true",
    ],
    // A repeated parameter is a list filter.
    [
      "?status=a&status=b&status=c",
      { status: ["a", "b", "c"] },
      "/logs?status=a&status=b&status=c",
      "/logs?status=a&status=b&status=c",
    ],
    // Only page_number and page_size are numbers; a broken one goes as NaN, for the client to refuse.
    [
      "?page_size=x&page=2",
      { page_size: Number.NaN, page: "2" },
      "/logs?page_size=x&page=2",
      "/logs?page_size=x&page=2",
    ],
  ])("%j", (search, query, cursor, key) => {
    expect(requestOf("/logs", search)).toEqual({ query, cursor, key });
  });
});

describe("requestOf: names that are Object.prototype's are parameters like any other", () => {
  it.each<[string, [string, unknown][]]>([
    [
      "?toString=1&constructor=2&valueOf=3&hasOwnProperty=4&__proto__=5",
      [
        ["toString", "1"],
        ["constructor", "2"],
        ["valueOf", "3"],
        ["hasOwnProperty", "4"],
        ["__proto__", "5"],
      ],
    ],
    // Repeated, they are lists of what was sent, with no inherited value mixed in.
    [
      "?toString=a&toString=b&__proto__=c&__proto__=d&constructor=e",
      [
        ["toString", ["a", "b"]],
        ["__proto__", ["c", "d"]],
        ["constructor", "e"],
      ],
    ],
  ])("%j", (search, entries) => {
    const { query, cursor } = requestOf("/logs", search);
    // Own properties only, on an object with no prototype to read from or to replace.
    expect(Object.getPrototypeOf(query)).toBeNull();
    expect(Object.entries(query)).toEqual(entries);
    expect(cursor).toBe(`/logs${search}`);
  });
});

describe("fromCursor: a saved cursor → its request, on its own path only", () => {
  it("round-trips every cursor requestOf makes", () => {
    const made = requestOf("/logs", "?page_number=1&page_size=2&page_token=PA1&created_on=2026-01-15");
    expect(fromCursor(made.cursor as string, "/logs")).toEqual(made);
  });

  it.each(["/calls?page_size=1", "/logs", "/logsx?page_size=1", "logs?page_size=1", "", " /logs?a=1"])(
    "%j is refused for /logs",
    (cursor) => {
      expect(() => fromCursor(cursor, "/logs")).toThrow(InputError);
    },
  );
});
