import type { Dated } from "@signalwire-voice/types";
import { describe, expectTypeOf, it } from "vitest";
import { withDates } from "../src/dates/index.js";
import {
  type ApiError,
  type BadRequestBody,
  createApiError,
  createVoiceClient,
  type InternalServerErrorBody,
  type ListVoiceLogEventsResponse,
  type ListVoiceLogsResponse,
  type LogEvent,
  type NotFoundBody,
  type UnauthorizedBody,
  unwrap,
  type ValidationErrorBody,
  type VideoRoomVoiceLog,
  type VoiceClient,
  type VoiceLog,
  type VoiceLogEventsResult,
  type VoiceLogResult,
  type VoiceLogsQuery,
  type VoiceLogsResult,
} from "../src/index.js";
import { testClient } from "./helpers/client.js";
import { EMPTY_PAGE, fetchStub, json } from "./helpers/fetch-stub.js";

// Run by `tsc` (the typecheck task): each `@ts-expect-error` must meet an error, each
// expectTypeOf an exact type. The bad calls sit in functions that are compiled, never called.
const client: VoiceClient = testClient({ fetch: fetchStub(json(EMPTY_PAGE)) });

describe("GET /logs: the query is checked at compile time", () => {
  it("accepts the spec's parameters, and Dates for the date filters", () => {
    void (() =>
      client.GET("/logs", {
        params: {
          query: {
            page_size: 100,
            page_number: 1,
            page_token: "PA…",
            include_deleted: true,
            created_after: new Date(),
            created_before: "2026-01-31",
            created_on: "2026-01-15T00:00:00Z",
          },
        },
        signal: AbortSignal.timeout(1_000),
        headers: { "x-trace": "1" },
      }));
    expectTypeOf<VoiceLogsQuery["created_after"]>().toEqualTypeOf<string | Date | undefined>();
    expectTypeOf<VoiceLogsQuery["page_size"]>().toEqualTypeOf<number | undefined>();
  });

  it("rejects unknown keys and wrong types", () => {
    void (() => [
      // @ts-expect-error -- not a parameter of List Logs
      client.GET("/logs", { params: { query: { page_limit: 10 } } }),
      // @ts-expect-error -- unknown, even next to a known one (openapi-fetch's generic init lets this through)
      client.GET("/logs", { params: { query: { page_size: 10, page_limit: 10 } } }),
      // @ts-expect-error -- page_size is a number
      client.GET("/logs", { params: { query: { page_size: "10" } } }),
      // @ts-expect-error -- include_deleted is a boolean
      client.GET("/logs", { params: { query: { include_deleted: "true" } } }),
      // @ts-expect-error -- dates are strings or Dates, not epoch numbers
      client.GET("/logs", { params: { query: { created_after: 1767225600000 } } }),
      // @ts-expect-error -- the spec has no such path
      client.GET("/calls"),
      // @ts-expect-error -- nor path parameters
      client.GET("/logs", { params: { path: { id: "1" } } }),
      // @ts-expect-error -- List Logs is GET only
      client.POST("/logs", {}),
    ]);
  });

  it("rejects unknown options", () => {
    // @ts-expect-error -- a typo is caught, not ignored
    void (() => createVoiceClient({ spcae: "example" }));
    // @ts-expect-error -- timeoutMs is a number
    void (() => createVoiceClient({ timeoutMs: "60s" }));
  });
});

describe("GET /logs: the result narrows", () => {
  it("has data xor error, each typed by status", async () => {
    const result = await client.GET("/logs");
    expectTypeOf(result).toEqualTypeOf<VoiceLogsResult>();
    expectTypeOf(result.response).toEqualTypeOf<Response>();
    if (result.error) {
      expectTypeOf(result.data).toEqualTypeOf<undefined>();
      expectTypeOf(result.error).toEqualTypeOf<
        BadRequestBody | UnauthorizedBody | ValidationErrorBody | InternalServerErrorBody
      >();
      if ("errors" in result.error) expectTypeOf(result.error).toEqualTypeOf<ValidationErrorBody>();
      else
        expectTypeOf(result.error.error).toEqualTypeOf<
          "Bad Request" | "Unauthorized" | "Internal Server Error"
        >();
    } else {
      expectTypeOf(result.data).toEqualTypeOf<ListVoiceLogsResponse>();
      expectTypeOf(result.data.data).toEqualTypeOf<VoiceLog[]>();
      expectTypeOf(result.data.links.next).toEqualTypeOf<string | undefined>();
    }
  });

  it("keeps properties typed `null` (openapi-fetch's own result type drops them)", async () => {
    const { data } = await client.GET("/logs");
    const log = data?.data[0];
    if (log && "type" in log && log.type === "video_room_sip_leg") {
      expectTypeOf(log).toEqualTypeOf<VideoRoomVoiceLog>();
      expectTypeOf(log.url).toEqualTypeOf<null>();
    }
  });

  it("unwrap returns the data, and ApiError.is narrows the body by status", async () => {
    expectTypeOf(unwrap(await client.GET("/logs"))).toEqualTypeOf<ListVoiceLogsResponse>();
    const error: ApiError = createApiError(new Response(null, { status: 422 }));
    expectTypeOf(error.body).toEqualTypeOf<unknown>();
    if (error.is(422)) expectTypeOf(error.body).toEqualTypeOf<ValidationErrorBody>();
    if (error.is(401)) expectTypeOf(error.body).toEqualTypeOf<UnauthorizedBody>();
    if (error.is(429)) expectTypeOf(error.body).toEqualTypeOf<unknown>();
  });
});

describe("GET /logs/{id} and /logs/{id}/events", () => {
  const id = "b7182dc2-00f3-40e4-a5ce-20f164b329df";

  it("types the log, the events and every documented error, 404 included", async () => {
    const result = await client.GET("/logs/{id}", { params: { path: { id } } });
    expectTypeOf(result).toEqualTypeOf<VoiceLogResult>();
    if (result.error) {
      expectTypeOf(result.error).toEqualTypeOf<
        BadRequestBody | UnauthorizedBody | NotFoundBody | ValidationErrorBody | InternalServerErrorBody
      >();
    } else expectTypeOf(result.data).toEqualTypeOf<VoiceLog>();
    const events = await client.GET("/logs/{id}/events", { params: { path: { id } } });
    expectTypeOf(events).toEqualTypeOf<VoiceLogEventsResult>();
    expectTypeOf(unwrap(events)).toEqualTypeOf<ListVoiceLogEventsResponse>();
    expectTypeOf(unwrap(events).data).toEqualTypeOf<LogEvent[]>();
    expectTypeOf<LogEvent["details"]>().toEqualTypeOf<{ [key: string]: unknown }>();
  });

  it("requires the id, and takes nothing else", () => {
    void (() => [
      // @ts-expect-error -- the id is required
      client.GET("/logs/{id}"),
      // @ts-expect-error -- the id is required
      client.GET("/logs/{id}/events", { params: {} }),
      // @ts-expect-error -- the id is a string
      client.GET("/logs/{id}", { params: { path: { id: 42 } } }),
      // @ts-expect-error -- no query parameters on this path
      client.GET("/logs/{id}", { params: { path: { id }, query: { page_size: 10 } } }),
      // @ts-expect-error -- no such path parameter
      client.GET("/logs/{id}", { params: { path: { id, log_id: id } } }),
    ]);
  });
});

describe("withDates: every date-time typed Date, and only there", () => {
  const dated = withDates(client);
  const id = "b7182dc2-00f3-40e4-a5ce-20f164b329df";

  it("types each answer's dates as Date, the rest as the spec's", async () => {
    expectTypeOf(dated).toEqualTypeOf<VoiceClient<"date">>();
    const page = unwrap(await dated.GET("/logs"));
    expectTypeOf(page).toEqualTypeOf<Dated.ListVoiceLogsResponse>();
    const log = page.data[0];
    if (log && !("discarded_at" in log)) {
      expectTypeOf(log.created_at).toEqualTypeOf<Date>();
      expectTypeOf(log.from).toEqualTypeOf<string>();
    }
    if (log && "discarded_at" in log) expectTypeOf(log.discarded_at).toEqualTypeOf<Date>();
    expectTypeOf(page.links.next).toEqualTypeOf<string | undefined>();
    const one = unwrap(await dated.GET("/logs/{id}", { params: { path: { id } } }));
    expectTypeOf(one.created_at).toEqualTypeOf<Date>();
    const events = unwrap(await dated.GET("/logs/{id}/events", { params: { path: { id } } }));
    expectTypeOf<(typeof events.data)[number]["event_at"]>().toEqualTypeOf<Date>();
    const requested = unwrap(await dated.request("get", "/logs/{id}/events", { params: { path: { id } } }));
    expectTypeOf<(typeof requested.data)[number]["event_at"]>().toEqualTypeOf<Date>();
  });

  it("keeps the wire strings on a client without it, and the same requests on both", async () => {
    const page = unwrap(await client.GET("/logs"));
    expectTypeOf<(typeof page.data)[number]["created_at"]>().toEqualTypeOf<string>();
    async function bad() {
      // @ts-expect-error page_size is a number on a dated client too
      await dated.GET("/logs", { params: { query: { page_size: "10" } } });
      // @ts-expect-error the id is still required
      await dated.GET("/logs/{id}", {});
      // @ts-expect-error a dated client takes a plain one only
      withDates(dated);
    }
    expectTypeOf(bad).toBeFunction();
  });
});
