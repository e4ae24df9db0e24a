import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningMockServer, startMockServer } from "@signalwire-voice/mock-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logsLeft, splitPoint, splitRange } from "../src/export/time-windows.js";
import { runMain, serverEnv, TOKEN } from "./helpers/run-main.js";

let server: RunningMockServer;
let directory: string;
beforeAll(async () => {
  // About 42 hours of logs, ending just before 2026-01-01.
  server = await startMockServer({ logs: 5000, token: TOKEN });
  directory = mkdtempSync(join(tmpdir(), "cli-export-concurrency-"));
});
afterAll(async () => {
  await server.close();
  rmSync(directory, { recursive: true, force: true });
});

// Years wider than the logs, as people ask: the first windows hold nothing, one holds everything.
const WIDE = ["--since", "2023-01-01", "--until", "2026-06-01", "--include-deleted", "--page-size", "100"];

const exportWith = (concurrency: number, more: string[] = []) =>
  runMain(
    ["logs", "export", ...WIDE, "--concurrency", `${concurrency}`, "--quiet", "--token", TOKEN, ...more],
    serverEnv(server),
  );

describe("logs export --concurrency", () => {
  it("writes the same bytes with 1, 2, 4 and 7 workers, each log once, newest first", async () => {
    const one = await exportWith(1);
    expect(one.code).toBe(0);
    const logs = one.stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as { id: string; created_at: string });
    expect(logs.length).toBeGreaterThan(5000);
    expect(new Set(logs.map((log) => log.id)).size).toBe(logs.length);
    const times = logs.map((log) => Date.parse(log.created_at));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    for (const concurrency of [2, 4, 7]) {
      const run = await exportWith(concurrency);
      expect(run.code).toBe(0);
      expect(run.stdout === one.stdout, `--concurrency ${concurrency}`).toBe(true);
    }
  });

  it("keeps every worker busy: idle workers take over the older half of the busy window", async () => {
    server.clearRequests();
    expect((await exportWith(4)).code).toBe(0);
    const windows = new Set(
      server.requests
        .map((request) => new URL(request.url).searchParams)
        .filter((query) => !query.has("page_token"))
        .map((query) => `${query.get("created_after")}..${query.get("created_before")}`),
    );
    // 4 windows to start with, 3 of them empty; then splits of the one with the logs.
    expect(windows.size).toBeGreaterThan(6);
    const bounds = [...windows].map((window) => window.split(".."));
    expect(bounds.filter(([, before]) => before?.startsWith("2025-12-3")).length).toBeGreaterThan(2);
  });

  it("writes the same CSV with 1 and 4 workers, the header once", async () => {
    const one = await exportWith(1, ["--format", "csv"]);
    const four = await exportWith(4, ["--format", "csv"]);
    expect(one.code).toBe(0);
    expect(four.stdout === one.stdout).toBe(true);
    expect(four.stdout.match(/^id,type,created_at,/gm)).toHaveLength(1);
  });

  it.each(["ndjson", "csv"])("resumes a %s file export with another number of workers", async (format) => {
    const file = join(directory, `resumed.${format}`);
    const controller = new AbortController();
    let requests = 0;
    const stopAfterFive: typeof fetch = (input, init) => {
      if (++requests === 5) controller.abort();
      return fetch(input, init);
    };
    const first = await runMain(
      [
        "logs",
        "export",
        ...WIDE,
        "--format",
        format,
        "--concurrency",
        "4",
        "--quiet",
        "--out",
        file,
        "--token",
        TOKEN,
      ],
      serverEnv(server),
      { fetch: stopAfterFive, signal: controller.signal },
    );
    expect(first.code).toBe(130);
    expect(readFileSync(file, "utf8").length).toBeGreaterThan(0);
    const resumed = await runMain(
      [
        ...["logs", "export", ...WIDE, "--format", format, "--concurrency", "2", "--quiet"],
        ...["--out", file, "--resume", "--token", TOKEN],
      ],
      serverEnv(server),
    );
    expect(resumed.code).toBe(0);
    expect(readFileSync(file, "utf8") === (await exportWith(1, ["--format", format])).stdout).toBe(true);
  });
});

describe("logs export --resume after splits", () => {
  it("continues windows whose older half an idle worker took over, with their cursors", async () => {
    const file = join(directory, "split.ndjson");
    const controller = new AbortController();
    let requests = 0;
    const stopAfter40: typeof fetch = (input, init) => {
      if (++requests === 40) controller.abort();
      return fetch(input, init);
    };
    const flags = ["--concurrency", "4", "--quiet", "--out", file, "--token", TOKEN];
    const first = await runMain(["logs", "export", ...WIDE, ...flags], serverEnv(server), {
      fetch: stopAfter40,
      signal: controller.signal,
    });
    expect(first.code).toBe(130);
    const state = JSON.parse(readFileSync(`${file}.state.json`, "utf8"));
    // Windows were split, and one of them stopped half way: its cursor has the old bound.
    expect(state.windows.length).toBeGreaterThan(4);
    expect(
      state.windows.some((window: { cursor: string | null; done: boolean }) => window.cursor && !window.done),
    ).toBe(true);
    const resumed = await runMain(["logs", "export", ...WIDE, ...flags, "--resume"], serverEnv(server));
    expect(resumed).toMatchObject({ code: 0, stderr: "" });
    expect(readFileSync(file, "utf8") === (await exportWith(1)).stdout).toBe(true);
  });
});

describe("time windows", () => {
  const at = (ms: number) => new Date(ms);

  it("cuts a range into equal windows, newest first, at least a millisecond each", () => {
    expect(splitRange({ since: at(0), until: at(10) }, 3)).toEqual([
      { since: at(6), until: at(10) },
      { since: at(3), until: at(6) },
      { since: at(0), until: at(3) },
    ]);
    expect(splitRange({ since: at(0), until: at(2) }, 4)).toEqual([
      { since: at(1), until: at(2) },
      { since: at(0), until: at(1) },
    ]);
    expect(splitRange({ since: at(5), until: at(9) }, 1)).toEqual([{ since: at(5), until: at(9) }]);
  });

  it("estimates the logs left from the logs seen, not from the empty time before them", () => {
    // 1000 logs seen over 100 ms, 900 ms left: about 9000 logs, whatever lies above `newest`.
    expect(logsLeft({ since: 0, newest: 1000, reached: 900, logs: 1000 })).toBe(9000);
    expect(logsLeft({ since: 0, newest: 500, reached: 500, logs: 10 })).toBe(Number.POSITIVE_INFINITY);
    expect(logsLeft({ since: 0, newest: 1000, reached: 0, logs: 1000 })).toBe(0);
  });

  it("splits only where each side keeps at least a page's worth of logs", () => {
    expect(splitPoint({ since: 0, newest: 1000, reached: 900, logs: 1000 }, 1000)).toEqual(at(450));
    expect(splitPoint({ since: 0, newest: 1000, reached: 900, logs: 100 }, 1000)).toBeUndefined();
    expect(splitPoint({ since: 0, newest: 2, reached: 1, logs: 5000 }, 1000)).toBeUndefined();
  });
});
