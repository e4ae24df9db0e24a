import { createQuerySerializer } from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { paramsOf } from "../../src/internal/query-params.js";

describe("paramsOf: a query object spelled as the client sends it", () => {
  it.each<[string, Record<string, unknown>]>([
    ["scalars", { page_size: 10, include_deleted: true, created_on: "2026-01-15" }],
    ["a list: the parameter repeated", { status: ["a", "b", "c"] }],
    ["an empty list: nothing", { status: [] }],
    ["undefined and null: nothing", { a: undefined, b: null, c: "1" }],
    ["an object: deepObject", { filter: { color: "red", size: 2 } }],
    ["names of Object.prototype", { toString: "1", constructor: "2" }],
  ])("%s: as openapi-fetch's default serializer", (_, query) => {
    const theirs = [...new URLSearchParams(createQuerySerializer()(query))];
    expect([...paramsOf(query)]).toEqual(theirs);
  });

  it("a Date as ISO 8601, as the voice client sends it", () => {
    expect(`${paramsOf({ created_after: new Date("2026-01-01T00:00:00Z") })}`).toBe(
      "created_after=2026-01-01T00%3A00%3A00.000Z",
    );
  });
});
