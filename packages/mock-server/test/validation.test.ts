import type { ValidationErrorBody } from "@signalwire-voice/types";
import { describe, expect, it } from "vitest";
import { createMockServer } from "../src/index.js";
import { AUTH, getJson, LOGS_URL, logsUrl, ORIGIN } from "./helpers.js";

const server = createMockServer({ logs: 10 });
const errorsOf = async (url: string) => {
  const { status, body } = await getJson<ValidationErrorBody>(server.fetch, url);
  return { status, errors: body.errors?.map(({ code, attribute }) => `${code} ${attribute}`) };
};

describe("422: every validation code", () => {
  it.each([
    [{ page_size: 0 }, ["invalid_parameter page_size"]],
    [{ page_size: 1001 }, ["invalid_parameter page_size"]],
    [{ page_size: "ten" }, ["invalid_parameter page_size"]],
    [{ page_size: "2.5" }, ["invalid_parameter page_size"]],
    [{ page_size: "-1" }, ["invalid_parameter page_size"]],
    [{ page_size: "" }, ["invalid_parameter page_size"]],
    [{ page_number: -1 }, ["invalid_parameter page_number"]],
    [{ page_number: "one" }, ["invalid_parameter page_number"]],
    [{ page_number: "99999999999999999999" }, ["invalid_parameter page_number"]],
    [{ include_deleted: "yes" }, ["not_a_boolean include_deleted"]],
    [{ include_deleted: "TRUE" }, ["not_a_boolean include_deleted"]],
    [{ include_deleted: "" }, ["not_a_boolean include_deleted"]],
    [{ created_before: "yesterday" }, ["not_a_datetime created_before"]],
    [{ created_on: "2026-02-30" }, ["not_a_datetime created_on"]],
    [{ created_after: "2026-01-01T25:00:00Z" }, ["not_a_datetime created_after"]],
    [{ created_after: "01/02/2026" }, ["not_a_datetime created_after"]],
    [{ created_after: "2025-12-31T20:00:00-0530" }, ["not_a_datetime created_after"]], // RFC 3339: ±HH:MM
    [{ created_after: "" }, ["not_a_datetime created_after"]],
    [{ page_number: 1 }, ["page_token_required page_token"]],
    [{ page_token: "PAnot-a-uuid" }, ["page_token_is_invalid page_token"]],
    [{ page_number: 2, page_token: "xyz" }, ["page_token_is_invalid page_token"]],
    [
      { page_size: 0, page_number: -2, include_deleted: "no", created_on: "soon" },
      [
        "not_a_boolean include_deleted",
        "not_a_datetime created_on",
        "invalid_parameter page_number",
        "invalid_parameter page_size",
      ],
    ],
  ])("%j → %j", async (params, want) => {
    expect(await errorsOf(logsUrl(params))).toEqual({ status: 422, errors: want });
  });

  it("says what failed, what was expected and what arrived, with SignalWire's fields", async () => {
    const { body } = await getJson<ValidationErrorBody>(server.fetch, logsUrl({ page_size: 5000 }));
    expect(body).toEqual({
      errors: [
        {
          type: "validation_error",
          code: "invalid_parameter",
          message: 'page_size must be an integer from 1 to 1000; got "5000".',
          attribute: "page_size",
          url: "https://developer.signalwire.com/rest/overview/error-codes#invalid_parameter",
        },
      ],
    });
  });

  it.each([
    { page_size: 1 },
    { page_size: 1000 },
    { page_size: "0050" },
    { page_number: 0 },
    { include_deleted: "true" },
    { include_deleted: "false" },
    { created_on: "2025-12-31" },
    { created_before: "2025-12-31T23:59:59Z" },
    { created_before: "2025-12-31T23:59:59.123456Z" },
    { created_after: "2025-12-31T20:00+02:00" },
    { created_after: "2025-12-31T20:00:00-05:30" },
    { created_after: "2025-12-31T20:00:00" },
    { unknown: "ignored" },
  ])("accepts %j", async (params) => {
    expect((await server.fetch(logsUrl(params), { headers: AUTH })).status).toBe(200);
  });
});

describe("400, 404, 405", () => {
  it.each([
    ["broken percent-encoding", `${LOGS_URL}?page_size=%ZZ`],
    ["a parameter given twice", `${LOGS_URL}?page_size=1&page_size=2`],
    ["a page_token appended to a next link", `${LOGS_URL}?page_token=PAx&page_token=PAy`],
  ])("%s → 400 Bad Request", async (_name, url) => {
    expect(await getJson(server.fetch, url)).toMatchObject({ status: 400, body: { error: "Bad Request" } });
  });

  it.each([`${ORIGIN}/`, `${ORIGIN}/api/voice/logs/`, `${ORIGIN}/api/voice/calls`, `${ORIGIN}/api/voice`])(
    "%s → 404 JSON",
    async (url) => {
      const { status, headers, body } = await getJson(server.fetch, url);
      expect({ status, type: headers.get("content-type"), body }).toEqual({
        status: 404,
        type: "application/json; charset=utf-8",
        body: { error: "Not Found" },
      });
    },
  );

  it.each(["POST", "DELETE", "PUT"])("%s → 405 with Allow: GET", async (method) => {
    const response = await server.fetch(LOGS_URL, { method, headers: AUTH });
    expect([response.status, response.headers.get("allow"), await response.json()]).toEqual([
      405,
      "GET",
      { error: "Method Not Allowed" },
    ]);
  });
});
