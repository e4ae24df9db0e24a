import { describe, expect, it } from "vitest";
import { PARAMETERS } from "../../src/generated/parameters.js";
import { InputError } from "../../src/index.js";
import { expectedOf, querySerializer } from "../../src/internal/input-checks.js";
import { createRedactor } from "../../src/internal/redact.js";

const serializeQuery = querySerializer(createRedactor(["test-token"]));

import { DATETIMES } from "../helpers/datetimes.js";

describe("serializeQuery: valid queries become the query string", () => {
  it.each([
    [{}, ""],
    [{ page_size: 1 }, "page_size=1"],
    [{ page_size: 1000 }, "page_size=1000"],
    [{ page_number: 0 }, "page_number=0"],
    [{ page_number: 3, page_token: "PA1" }, "page_number=3&page_token=PA1"],
    [{ include_deleted: true }, "include_deleted=true"],
    [{ include_deleted: "true" }, "include_deleted=true"], // as a next link's query carries it
    [{ direction: "inbound" }, "direction=inbound"], // a name the spec does not know passes
    [{ page_size: undefined, page_number: null }, ""], // absent: the server's default
    [{ created_after: new Date(Date.UTC(2026, 0, 31, 12)) }, "created_after=2026-01-31T12%3A00%3A00.000Z"],
    [{ created_before: "2026-01-31" }, "created_before=2026-01-31"],
    [{ created_on: new Date(Date.UTC(2025, 11, 28)) }, "created_on=2025-12-28"], // a day, sent as one
    [{ created_on: "2024-02-29" }, "created_on=2024-02-29"], // a leap day
    [
      { created_after: "2026-01-31T12:00:00.123+02:00" },
      "created_after=2026-01-31T12%3A00%3A00.123%2B02%3A00",
    ],
    [{ created_after: "2026-01-31T12:00" }, "created_after=2026-01-31T12%3A00"],
    [{ created_after: "2026-01-31t12:00z" }, "created_after=2026-01-31t12%3A00z"], // RFC 3339: either case
  ])("%j → %j", (query, want) => {
    expect(serializeQuery(query)).toBe(want);
  });
});

describe("serializeQuery: a bad value throws InputError naming the parameter, what was expected and what arrived", () => {
  it.each([
    [{ page_size: 0 }, "query.page_size", "expected an integer from 1 to 1000, got 0"],
    [{ page_size: 1001 }, "query.page_size", "got 1001"],
    [{ page_size: 2.5 }, "query.page_size", "got 2.5"],
    [{ page_size: "10" }, "query.page_size", 'got "10"'],
    [{ page_size: Number.NaN }, "query.page_size", "got NaN"],
    [{ page_number: -1 }, "query.page_number", "expected an integer from 0 to 2147483647, got -1"],
    [{ page_number: 2 ** 31, page_token: "PA1" }, "query.page_number", "got 2147483648"], // the spec's int32
    [{ page_number: 2 }, "query.page_number", "expected 0 without page_token (> 0 only with the page_token"],
    [{ include_deleted: "yes" }, "query.include_deleted", 'expected true or false, got "yes"'],
    [{ page_token: 5 }, "query.page_token", "expected a string, got 5"],
    [{ page_number: 1.5, page_token: "PA1" }, "query.page_number", "got 1.5"],
    [{ page_number: 2 }, "query.page_number", "got 2"], // > 0 needs page_token
    [{ page_number: 2, page_token: "" }, "query.page_number", "got 2"],
    [{ created_after: new Date(Number.NaN) }, "query.created_after", "got Invalid Date"],
    [
      { created_after: "yesterday" },
      "query.created_after",
      'expected a valid Date or YYYY-MM-DD[Thh:mm[:ss[.s]][Z|±hh:mm]], got "yesterday"',
    ],
    [{ created_before: "2026-02-30" }, "query.created_before", 'got "2026-02-30"'], // no such day
    [{ created_before: "2026-13-01" }, "query.created_before", "got"],
    [{ created_on: "2026-01-31T25:00:00Z" }, "query.created_on", "got"],
    [{ created_on: "31/01/2026" }, "query.created_on", "got"],
    [{ created_on: "2026-01-31T12:00:::Z" }, "query.created_on", "got"],
    [{ created_on: "2026-01-31T12:00:00.5.5Z" }, "query.created_on", "got"],
    [{ created_on: "2026-01-31T12:00:61Z" }, "query.created_on", "got"],
    [{ created_on: 1767225600000 }, "query.created_on", "got 1767225600000"], // epoch numbers are not ISO 8601
    [{ created_on: "2026-01-31 12:00" }, "query.created_on", 'got "2026-01-31 12:00"'], // the mock answers 422
    [{ created_on: "2026-01-31T24:00" }, "query.created_on", 'got "2026-01-31T24:00"'],
    [
      { created_on: new Date(Date.UTC(10_000, 5, 15, 12)) }, // "+010000-06-15T12:…": no such form on the wire
      "query.created_on",
      "10000", // String(date), in the local time zone
    ],
  ])("%j → %s", (query, field, says) => {
    const error = catchError(() => serializeQuery(query));
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ name: "InputError", field });
    expect((error as Error).message).toContain(says);
    expect((error as Error).message).toContain("Nothing was sent");
  });
});

describe("serializeQuery: the date grammar shared with the mock server", () => {
  it.each(DATETIMES)("%j → %j", (text, want) => {
    const sent = () => serializeQuery({ created_after: text });
    if (want === undefined) expect(sent).toThrow(InputError);
    else expect(sent()).toBe(`created_after=${encodeURIComponent(text)}`);
  });
});

describe("serializeQuery: created_on is a day", () => {
  it.each([
    // Berlin's `new Date(2025, 11, 28)`: midnight there, 23:00 the day before in UTC.
    [new Date("2025-12-27T23:00:00.000Z"), "a Date made in local time is another day in UTC"],
    [new Date("2025-12-28T12:00:00.000Z"), "midnight UTC"],
    ["2025-12-28T00:00:00Z", 'a day: "YYYY-MM-DD"'],
    ["2025-02-29", "2025-02-29"],
    [new Date(Date.UTC(10_000, 0, 1)), "midnight UTC"], // no YYYY-MM-DD form beyond year 9999
    [new Date(Date.UTC(-1, 0, 1)), "midnight UTC"],
  ])("%j → InputError saying %j", (value, says) => {
    const error = catchError(() => serializeQuery({ created_on: value }));
    expect(error).toMatchObject({ name: "InputError", field: "query.created_on" });
    expect((error as Error).message).toContain(says);
  });
});

describe("serializeQuery: what a message quotes", () => {
  it("never shows the token, whole or in part", () => {
    for (const value of ["test-token", `x${"test-token".slice(1)}`, encodeURIComponent("test-token")]) {
      const error = catchError(() => serializeQuery({ created_after: value })) as Error;
      expect(error.message).toContain("[redacted]");
      expect(error.message).not.toMatch(/est-toke/);
    }
  });

  it("cuts a long value short", () => {
    const error = catchError(() => serializeQuery({ created_after: "x".repeat(1_000_000) })) as Error;
    expect(error.message.length).toBeLessThan(300);
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

describe("serializeQuery: parameter names are never Object.prototype's", () => {
  it.each(["__proto__", "toString", "constructor"])("sends %s as a parameter", (name) => {
    const query: Record<string, unknown> = Object.create(null);
    query[name] = "x";
    query.page_size = 5;
    expect(serializeQuery(query)).toBe(`${name}=x&page_size=5`);
  });
});

describe("the checks come from the spec's parameter table", () => {
  it("follow a rule that changes: a bound, an enum, a format", () => {
    const rules = {
      ...PARAMETERS.query,
      page_size: { type: "integer", minimum: 1, maximum: 500 },
      direction: { type: "string", enum: ["inbound", "outbound"] },
    };
    const serialize = querySerializer(createRedactor(["test-token"]), rules);
    expect(serialize({ page_size: 500, direction: "inbound" })).toBe("page_size=500&direction=inbound");
    expect(() => serialize({ page_size: 600 })).toThrow("expected an integer from 1 to 500, got 600");
    expect(() => serialize({ direction: "sideways" })).toThrow(
      'expected one of "inbound", "outbound", got "sideways"',
    );
  });

  it("read the generated table: page_size 1..1000 and page_number an int32 >= 0, as the spec says", () => {
    expect(PARAMETERS.query.page_size).toMatchObject({ type: "integer", minimum: 1, maximum: 1000 });
    expect(PARAMETERS.query.page_number).toMatchObject({ type: "integer", minimum: 0, format: "int32" });
    expect(PARAMETERS.path.id).toMatchObject({ type: "string", format: "uuid" });
    expect(expectedOf(PARAMETERS.path.id, "b7182dc2-00f3-40e4-a5ce-20f164b329df")).toBeUndefined();
    expect(expectedOf(PARAMETERS.path.id, "../logs")).toMatch(/^a UUID/);
  });
});
