import { InputError } from "@signalwire-voice/client";
import { describe, expect, it } from "vitest";
import { endedCursor, freshRequest, fromCursor, requestOf } from "../../src/internal/cursor.js";
import { fillPath } from "../../src/internal/path-params.js";

describe("requestOf: a query string → the request, and the cursor that names it", () => {
  it.each<[string, Record<string, unknown>, string]>([
    // [search, query, cursor]
    ["", {}, "/logs?"],
    ["?page_size=10", { page_size: 10 }, "/logs?page_size=10"],
    [
      "?page_number=3&page_size=1000&page_token=PAabc",
      { page_number: 3, page_size: 1000, page_token: "PAabc" },
      "/logs?page_number=3&page_size=1000&page_token=PAabc",
    ],
    // Filters stay strings, as sent; the cursor keeps the query as written (no longer than the link).
    [
      "?created_after=2026-01-01T00:00:00Z&include_deleted=true",
      { created_after: "2026-01-01T00:00:00Z", include_deleted: "true" },
      "/logs?created_after=2026-01-01T00:00:00Z&include_deleted=true",
    ],
    [
      "?created_after=2026-01-01T00%3A00%3A00Z&flag",
      { created_after: "2026-01-01T00:00:00Z", flag: "" },
      "/logs?created_after=2026-01-01T00%3A00%3A00Z&flag",
    ],
    // A repeated parameter is a list filter.
    ["?status=a&status=b&status=c", { status: ["a", "b", "c"] }, "/logs?status=a&status=b&status=c"],
    // Only page_number and page_size are numbers; a broken one goes as NaN, for the client to refuse.
    ["?page_size=x&page=2", { page_size: Number.NaN, page: "2" }, "/logs?page_size=x&page=2"],
  ])("%j", (search, query, cursor) => {
    expect(requestOf("/logs", search)).toMatchObject({ query, cursor, at: cursor });
  });

  it("4000 repeats of a parameter: one list of 4000, in order", () => {
    const values = Array.from({ length: 4000 }, (_, index) => `${index}`);
    const { query } = requestOf("/logs", `?${values.map((value) => `s=${value}`).join("&")}`);
    expect(query.s).toEqual(values);
  });
});

describe("freshRequest: the caller's query, with no cursor, spelled as the client sends it", () => {
  it("a Date as ISO 8601, a list repeated, undefined left out", () => {
    const request = freshRequest("/logs", {
      created_after: new Date("2026-01-01T00:00:00Z"),
      status: ["a", "b"],
      created_on: undefined,
      page_size: 10,
    });
    expect(request).toMatchObject({
      at: "/logs?created_after=2026-01-01T00%3A00%3A00.000Z&status=a&status=b&page_size=10",
      cursor: undefined,
    });
    // The same key as a link that names that request in another order.
    expect(request.key).toBe(
      requestOf("/logs", "?page_size=10&status=a&status=b&created_after=2026-01-01T00:00:00.000Z").key,
    );
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
    // Plus the path parameters it names: none, for a path without any.
    expect(fromCursor(made.cursor as string, "/logs")).toEqual({ ...made, params: {} });
  });

  it.each([
    "/calls?page_size=1",
    "/logs",
    "/logsx?page_size=1",
    "logs?page_size=1",
    "",
    " /logs?a=1",
    "/logs#end",
  ])("%j is refused for /logs", (cursor) => {
    expect(() => fromCursor(cursor, "/logs")).toThrow(InputError);
  });

  it.each(["end", "loop"] as const)(
    "an %s cursor: the request it ended at, the cursor as given, the state",
    (state) => {
      const made = requestOf("/logs", "?page_number=4&page_size=2&page_token=PA4");
      const cursor = endedCursor(made, state);
      expect(cursor).toBe(`/logs?page_number=4&page_size=2&page_token=PA4#${state}`);
      expect(fromCursor(cursor, "/logs")).toEqual({ ...made, params: {}, cursor, ended: state });
    },
  );

  it("a request of 16 384 characters is taken, in an end cursor too; one more is refused", () => {
    const at = `/logs?a=${"x".repeat(16 * 1024 - 8)}`;
    expect(fromCursor(at, "/logs").at).toBe(at);
    expect(fromCursor(`${at}#end`, "/logs").ended).toBe("end");
    expect(() => fromCursor(`${at}x`, "/logs")).toThrow(
      /^paginate: cursor is 16385 characters long, more than 16384/,
    );
    expect(() => fromCursor(`${at}x#loop`, "/logs")).toThrow(InputError);
  });
});

describe("fromCursor on a path with parameters: the cursor names them, in its path", () => {
  const TEMPLATE = "/api/fabric/resources/{id}/addresses";
  const redact = (text: string) => text.replaceAll("s3cr3t-token", "[redacted]");

  it.each<[string, Record<string, string>]>([
    ["/api/fabric/resources/abc/addresses?page_size=5&page_token=PA5", { id: "abc" }],
    // Each value as fillPath (and openapi-fetch's default serializer) spells it, decoded back.
    ["/api/fabric/resources/..%2Fx/addresses?page_token=PA5", { id: "../x" }],
    ["/api/fabric/resources/a%2Fb/addresses?page_token=PA5", { id: "a/b" }],
    ["/api/fabric/resources/%3Fq/addresses?page_token=PA5", { id: "?q" }],
    ["/api/fabric/resources/%252F/addresses?page_token=PA5", { id: "%2F" }],
    ["/api/fabric/resources/%23top/addresses?page_token=PA5#end", { id: "#top" }],
    ["/api/fabric/resources/caf%C3%A9/addresses?page_token=PA5", { id: "café" }],
  ])("%s → %j", (cursor, params) => {
    const request = fromCursor(cursor, TEMPLATE, redact);
    expect({ ...request.params }).toEqual(params);
    expect(request.path).toBe(fillPath(TEMPLATE, params, redact));
    expect(request.query).toMatchObject({ page_token: "PA5" });
  });

  it.each([
    // Another path, or the template itself.
    "/api/fabric/resources/abc/sip_endpoints?page_token=PA5",
    "/api/fabric/resources/{id}/addresses?page_token=PA5",
    "/api/fabric/resources/abc/addresses",
    "/api/fabric/resources/a/b/addresses?page_token=PA5",
    // A parameter spelled otherwise than the client sends it: unescaped, lower-case, broken.
    "/api/fabric/resources/a?b/addresses?page_token=PA5",
    "/api/fabric/resources/a%2fb/addresses?page_token=PA5",
    "/api/fabric/resources/%61bc/addresses?page_token=PA5",
    "/api/fabric/resources/%E0%A4%A/addresses?page_token=PA5",
  ])("%j is refused: not a cursor of this path", (cursor) => {
    expect(() => fromCursor(cursor, TEMPLATE, redact)).toThrow(
      `paginate: cursor must come from ${TEMPLATE}, got "${cursor}".`,
    );
  });

  it.each([
    ["/api/fabric/resources//addresses?page_token=PA5", '""'],
    ["/api/fabric/resources/./addresses?page_token=PA5", '"."'],
    ["/api/fabric/resources/%2E%2E/addresses?page_token=PA5", '".."'],
    ["/api/fabric/resources/s3cr3t-token/addresses?page_token=PA5", '"[redacted]"'],
  ])("%j: a parameter fillPath refuses is refused here too", (cursor, shown) => {
    const error = (() => {
      try {
        fromCursor(cursor, TEMPLATE, redact);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ field: "path.id" });
    // Shown as the redaction leaves it: paginate() passes every message through it as well.
    expect(redact((error as Error).message)).toContain(`got ${shown}.`);
  });

  it("a cursor of 16 384 characters with a long parameter is taken; one more is refused unread", () => {
    const head = "/api/fabric/resources/";
    const tail = "/addresses?page_token=PA5";
    const at = `${head}${"x".repeat(16 * 1024 - head.length - tail.length)}${tail}`;
    expect(fromCursor(at, TEMPLATE).params?.id).toHaveLength(16 * 1024 - head.length - tail.length);
    expect(() => fromCursor(`${at}x`, TEMPLATE)).toThrow(/^paginate: cursor is 16385 characters long/);
  });

  it("a parameter named like an Object.prototype property is a parameter", () => {
    const { params } = fromCursor("/things/x/y?page_token=1", "/things/{constructor}/{__proto__}");
    expect(Object.getPrototypeOf(params)).toBeNull();
    expect(Object.entries(params ?? {})).toEqual([
      ["constructor", "x"],
      ["__proto__", "y"],
    ]);
  });
});
