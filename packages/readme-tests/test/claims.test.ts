import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createVoiceClient } from "@signalwire-voice/client";
import { createMockServer } from "@signalwire-voice/mock-server";
import { paginate } from "@signalwire-voice/pagination";
import { describe, expect, it } from "vitest";

// Figures the READMEs state in prose or in a comment, read from the text and measured: a README
// that says one thing while the code does another fails here.
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const readme = (path: string) => readFileSync(join(repoRoot, path), "utf8").replace(/\s+/g, " ");

/** The first match of `pattern` in a README, or a failure that says which claim is gone. */
function claim(path: string, pattern: RegExp): string[] {
  const match = pattern.exec(readme(path));
  if (!match) throw new Error(`${path} no longer says ${pattern}: update this test with the text.`);
  return match.slice(1);
}

function mockClient(logs: number) {
  const server = createMockServer({ logs });
  const client = createVoiceClient({
    baseUrl: "http://mock.test/api/voice",
    fetch: server.fetch,
    projectId: "test-project",
    token: "test-token",
  });
  return { server, client };
}

describe("what the READMEs say, measured", () => {
  it("mock-server: the gaps between neighbouring logs, and the span of 10 000 and of 1000 logs", async () => {
    const [low, high, mean, days, hours] = claim(
      "packages/mock-server/README.md",
      /each older one (\d+)–(\d+) s earlier, (\d+) s on average .*?10 000 logs span about ([\d.]+) days, the default 1000 about (\d+) hours/,
    ).map(Number);
    const { client } = mockClient(10_000);
    const times = (await paginate(client, "/logs", { query: { include_deleted: true } }).toArray()).map(
      (log) => Date.parse(log.created_at),
    );
    const gaps = times.slice(1).map((time, index) => ((times[index] ?? 0) - time) / 1000);
    expect(gaps.length).toBeGreaterThan(10_000);
    expect(Math.min(...gaps)).toBe(low);
    expect(Math.max(...gaps)).toBe(high);
    expect(Math.round(gaps.reduce((sum, gap) => sum + gap, 0) / gaps.length)).toBe(mean);
    const span = (count: number) => ((times[0] ?? 0) - (times[count - 1] ?? 0)) / 1000;
    expect(span(10_000) / 86_400).toBeCloseTo(days ?? 0, 0);
    expect(Math.round(span(1000) / 3600)).toBe(hours);
  });

  it.each([
    ["README.md", /toArray\(\{ limit: (\d+) \}\); \/\/ (\d+) requests/],
    ["packages/pagination/README.md", /toArray\(\{ limit: (\d+) \}\); \/\/ (\d+) requests, not (\d+)/],
  ])("%s: toArray({ limit }) sends as many requests as its comment says", async (path, pattern) => {
    const [limit, requests, everything] = claim(path, pattern).map(Number);
    const { server, client } = mockClient(10_000);
    expect(await paginate(client, "/logs").toArray({ limit })).toHaveLength(limit ?? -1);
    expect(server.requests).toHaveLength(requests ?? -1);
    if (everything !== undefined) {
      server.clearRequests();
      await paginate(client, "/logs").toArray();
      expect(server.requests).toHaveLength(everything);
    }
  });
});
