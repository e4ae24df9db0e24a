import { type Dated, unwrap } from "@signalwire-voice/client";
import { withDates } from "@signalwire-voice/client/dates";
import { createMockServer } from "@signalwire-voice/mock-server";
import { describe, expect, expectTypeOf, it } from "vitest";
import { paginate } from "../src/index.js";
import { voiceClient } from "./helpers/voice-client.js";

describe("a client made with withDates()", () => {
  it("yields Dated.VoiceLog items whose dates are Dates, and resumes from a cursor", async () => {
    const server = createMockServer({ logs: 250 });
    const plain = voiceClient({ baseUrl: "http://mock.test/api/voice" }, { fetch: server.fetch });
    const client = withDates(plain);
    const query = { include_deleted: true } as const;
    const logs = paginate(client, "/logs", { query, pageSize: 100 });
    expectTypeOf(logs.toArray()).resolves.toEqualTypeOf<Dated.VoiceLog[]>();
    const all = await logs.toArray();
    const wire = await paginate(plain, "/logs", { query, pageSize: 100 }).toArray();
    expect(all.length).toBe(wire.length);
    expect(all.length).toBeGreaterThan(250);
    all.forEach((log, i) => {
      expect(log.created_at).toBeInstanceOf(Date);
      expect(log.created_at.toISOString()).toBe(new Date(wire[i]?.created_at ?? "").toISOString());
      if ("discarded_at" in log) expect(log.discarded_at).toBeInstanceOf(Date);
    });
    let cursor: string | undefined;
    for await (const page of paginate(client, "/logs", { query, pageSize: 100 }).pages()) {
      cursor = page.cursor;
      break;
    }
    const rest = await paginate(client, "/logs", { query, pageSize: 100, cursor }).toArray();
    expect(rest.map((log) => log.id)).toEqual(all.slice(100).map((log) => log.id));
    expect(rest[0]?.created_at).toBeInstanceOf(Date);
    expect(unwrap(await plain.GET("/logs")).data[0]?.created_at).toBeTypeOf("string");
  });
});
