import { ApiError } from "@signalwire-voice/client";
import { type RunningMockServer, startMockServer } from "@signalwire-voice/mock-server";
import { collect, settle } from "@signalwire-voice/test-utils";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { cursorOf, paginate } from "../src/index.js";
import { voiceClient } from "./helpers/voice-client.js";

let server: RunningMockServer;
let want: string[];
beforeAll(async () => {
  server = await startMockServer({ logs: 1000, seed: "prefetch" });
  want = (await paginate(voiceClient(server), "/logs").toArray()).map((log) => log.id);
});
afterAll(() => server.close());
beforeEach(() => {
  server.clearFaults();
  server.clearRequests();
});

/** A client whose fetch counts the requests started and keeps their signals. */
function countingClient() {
  const counts = { started: 0, signals: [] as AbortSignal[] };
  const client = voiceClient(server, {
    fetch: (request, init) => {
      counts.started++;
      counts.signals.push(init.signal);
      return fetch(request, init);
    },
  });
  return { client, counts };
}

/** Lets every pending I/O callback and timer of this turn run: a chance for prefetch to overshoot. */
const settleDown = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("prefetch", () => {
  it.each([0, 1, 2, 5, 20])(
    "prefetch %i keeps the order: every item once, as without it",
    async (prefetch) => {
      const ids = (await collect(paginate(voiceClient(server), "/logs", { pageSize: 50, prefetch }))).map(
        (log) => log.id,
      );
      expect(ids).toEqual(want);
      expect(server.requests).toHaveLength(20);
    },
  );

  it.each([0, 1, 3])(
    "prefetch %i: at most 1 + prefetch pages held (handed over, fetched or in flight), and it does reach that",
    async (prefetch) => {
      const { client, counts } = countingClient();
      const pages = 1000 / 50;
      let handedOver = 0;
      let mostAhead = 0;
      for await (const _ of paginate(client, "/logs", { pageSize: 50, prefetch }).pages()) {
        handedOver++;
        // While this page is handled, prefetch runs ahead as far as it may, then stops.
        await vi.waitFor(() => expect(counts.started).toBe(Math.min(handedOver + prefetch, pages)));
        await settleDown();
        const ahead = counts.started - handedOver;
        mostAhead = Math.max(mostAhead, ahead);
        expect(1 + ahead).toBeLessThanOrEqual(1 + prefetch);
      }
      expect(mostAhead).toBe(prefetch);
      expect(counts.started).toBe(pages);
    },
  );

  it("`break` aborts the request in flight and asks for nothing more", async () => {
    server.addFault({ nth: 2, fault: { type: "delay", ms: 60_000 } });
    const { client, counts } = countingClient();
    for await (const _ of paginate(client, "/logs", { pageSize: 100, prefetch: 1 })) {
      await vi.waitFor(() => expect(server.requests).toHaveLength(2));
      break;
    }
    expect(counts.signals[1]?.aborted).toBe(true);
    await settleDown();
    expect(counts.started).toBe(2);
  });

  it("a failure ahead surfaces in order: the pages before it first, then the error with its cursor", async () => {
    // Page 3 fails on every attempt (maxRetries 2): requests 3, 4 and 5.
    server.addFault({ nth: [3, 4, 5], fault: { type: "server-error", status: 503 } });
    const seen: number[] = [];
    const { error } = await settle(
      (async () => {
        for await (const page of paginate(voiceClient(server), "/logs", {
          pageSize: 100,
          prefetch: 2,
        }).pages()) {
          seen.push(page.items.length);
        }
      })(),
    );
    expect(seen).toEqual([100, 100]);
    expect(error).toBeInstanceOf(ApiError);
    expect(cursorOf(error)).toMatch(/^\/logs\?page_number=2&/);
    expect(server.requests).toHaveLength(5);
  });
});
