import { InputError } from "@signalwire-voice/client";
import { type RunningMockServer, startMockServer } from "@signalwire-voice/mock-server";
import { settle } from "@signalwire-voice/test-utils";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type PaginateOptions, paginate } from "../src/index.js";
import { queries, voiceClient } from "./helpers/voice-client.js";

let server: RunningMockServer;
beforeAll(async () => {
  server = await startMockServer({ logs: 120 });
});
afterAll(() => server.close());
beforeEach(() => server.clearRequests());

describe("bad options throw InputError from paginate() itself, before anything is sent", () => {
  it.each<[PaginateOptions, string, string]>([
    [{ prefetch: -1 }, "prefetch", "paginate: prefetch must be an integer >= 0, got -1."],
    [{ prefetch: 1.5 }, "prefetch", "paginate: prefetch must be an integer >= 0, got 1.5."],
    [{ prefetch: Number.NaN }, "prefetch", "paginate: prefetch must be an integer >= 0, got NaN."],
    [{ maxPages: 0 }, "maxPages", "paginate: maxPages must be an integer >= 1, got 0."],
    [
      { maxPages: Number.POSITIVE_INFINITY },
      "maxPages",
      "paginate: maxPages must be an integer >= 1, got Infinity.",
    ],
    [
      { cursor: "/calls?page_token=PA1" },
      "cursor",
      'paginate: cursor must come from /logs, got "/calls?page_token=PA1".',
    ],
    [{ cursor: "/logs" }, "cursor", 'paginate: cursor must come from /logs, got "/logs".'],
    [{ cursor: "PA1b2c3" }, "cursor", 'paginate: cursor must come from /logs, got "PA1b2c3".'],
  ])("%j → %s", (options, field, message) => {
    let thrown: unknown;
    try {
      paginate(voiceClient(server), "/logs", options as never);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect(thrown).toMatchObject({ field, message });
    expect(server.requests).toHaveLength(0);
  });

  it.each([-1, 0.5, Number.NaN])("toArray({ limit: %s }) rejects, nothing sent", async (limit) => {
    const { error } = await settle(paginate(voiceClient(server), "/logs").toArray({ limit }));
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ field: "limit" });
    expect(server.requests).toHaveLength(0);
  });

  it("pageSize is the client's to check (the voice client: 1 to 1000), before sending", async () => {
    const { error } = await settle(paginate(voiceClient(server), "/logs", { pageSize: 5000 }).toArray());
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ field: "query.page_size" });
    expect(server.requests).toHaveLength(0);
  });
});

describe("defaults and precedence", () => {
  it("pageSize defaults to 1000, the API's maximum", async () => {
    await paginate(voiceClient(server), "/logs").toArray();
    expect(queries(server)).toEqual([{ page_size: "1000" }]);
  });

  it("a cursor carries its own query and page size: they are sent, with no query or pageSize given", async () => {
    const cursor = "/logs?page_size=7&created_after=2025-01-01T00:00:00Z";
    const logs = await paginate(voiceClient(server), "/logs", { cursor }).toArray({ limit: 7 });
    expect(logs).toHaveLength(7);
    expect(queries(server)).toEqual([{ page_size: "7", created_after: "2025-01-01T00:00:00Z" }]);
  });

  it("an undefined or empty cursor starts afresh, with query and pageSize", async () => {
    for (const cursor of [undefined, ""]) {
      await paginate(voiceClient(server), "/logs", { cursor, pageSize: 60 }).toArray();
    }
    expect(queries(server).map((query) => query.page_number)).toEqual([undefined, "1", undefined, "1"]);
  });
});
