import { type RunningMockServer, startMockServer } from "@signalwire-voice/mock-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimitGate } from "../src/export/rate-limit-gate.js";
import { runMain, serverEnv, TOKEN } from "./helpers/run-main.js";

let limited: RunningMockServer;
let clean: RunningMockServer;
beforeAll(async () => {
  // The same logs (same seed) twice: one server answers 429s and 503s on a share of requests.
  limited = await startMockServer({ logs: 3000, token: TOKEN, seed: 7, recordRequests: false });
  limited.addFault({
    path: "/api/voice/logs",
    probability: 0.12,
    seed: 3,
    fault: { type: "rate-limit", retryAfter: 1 },
  });
  limited.addFault({
    path: "/api/voice/logs",
    probability: 0.1,
    seed: 4,
    fault: { type: "server-error", status: 503 },
  });
  clean = await startMockServer({ logs: 3000, token: TOKEN, seed: 7, recordRequests: false });
});
afterAll(async () => {
  await Promise.all([limited.close(), clean.close()]);
});

const EXPORT = [
  "logs",
  "export",
  "--since",
  "2025-12-30",
  "--until",
  "2026-01-01",
  "--include-deleted",
  "--page-size",
  "200",
  "--token",
  TOKEN,
];

describe("logs export under rate limits", () => {
  it("finishes with every log once when 429s and 503s hit a share of requests, and a 429 pauses every worker", {
    timeout: 600_000,
  }, async () => {
    // What each request looked like below the gate: when it left, and when a 429 came back.
    const sent: number[] = [];
    const limits: { at: number; retryAfterMs: number }[] = [];
    const recording: typeof fetch = async (input, init) => {
      sent.push(performance.now());
      const response = await fetch(input, init);
      if (response.status === 429) {
        limits.push({
          at: performance.now(),
          retryAfterMs: Number(response.headers.get("retry-after")) * 1000,
        });
      }
      return response;
    };
    const run = await runMain([...EXPORT, "--concurrency", "4", "--progress", "json"], serverEnv(limited), {
      fetch: recording,
    });
    const reference = await runMain([...EXPORT, "--concurrency", "1", "--quiet"], serverEnv(clean));
    expect(reference.code).toBe(0);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout === reference.stdout).toBe(true);
    expect(reference.stdout.split("\n").length).toBeGreaterThan(3000);

    // The seeded faults did happen, and each 429 paused all four workers for its Retry-After:
    // no request left in the second after one came back (but for a margin on each side).
    expect(limits.length).toBeGreaterThanOrEqual(2);
    for (const limit of limits) {
      const during = sent.filter(
        (time) => time > limit.at + 100 && time < limit.at + limit.retryAfterMs - 100,
      );
      expect(during, `requests sent while paused at ${limit.at}`).toEqual([]);
    }
    // Each pause is reported on stderr, machine-readable.
    const waits = run.stderr
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line))
      .filter((event) => event.event === "wait");
    expect(waits.length).toBeGreaterThanOrEqual(1);
    expect(waits[0].reason).toMatch(/429/);
  });
});

describe("rateLimitGate", () => {
  const answer =
    (status: number, headers: Record<string, string> = {}) =>
    async () =>
      new Response("{}", { status, headers });
  const request = () => new Request("http://127.0.0.1/");
  const init = () => ({ signal: new AbortController().signal, redirect: "manual" as const });

  it("holds every later request until a 429's Retry-After has passed", async () => {
    let clock = 0;
    const pauses: number[] = [];
    const gate = rateLimitGate(answer(429, { "retry-after": "2" }), {
      now: () => clock,
      onPause: (ms) => pauses.push(ms),
    });
    await gate(request(), init());
    expect(pauses).toEqual([2000]);
    // The clock stands still: a request now would wait; move it past the pause and it goes.
    clock = 2000;
    const status = (await gate(request(), init())).status;
    expect(status).toBe(429);
    expect(pauses).toEqual([2000, 2000]);
  });

  it("pauses a second for a 429 without Retry-After, at most a minute, and not for a 503 without one", async () => {
    const pausesOf = async (status: number, headers: Record<string, string> = {}) => {
      const pauses: number[] = [];
      await rateLimitGate(answer(status, headers), { now: () => 0, onPause: (ms) => pauses.push(ms) })(
        request(),
        init(),
      );
      return pauses;
    };
    expect(await pausesOf(429)).toEqual([1000]);
    expect(await pausesOf(429, { "retry-after": "3600" })).toEqual([60_000]);
    expect(await pausesOf(503, { "retry-after": "5" })).toEqual([5000]);
    expect(await pausesOf(503)).toEqual([]);
    expect(await pausesOf(200, { "retry-after": "5" })).toEqual([]);
  });

  it("gives up waiting when the request is aborted", async () => {
    let clock = 0;
    const gate = rateLimitGate(answer(429, { "retry-after": "30" }), { now: () => clock });
    await gate(request(), init());
    clock = 1;
    const controller = new AbortController();
    const waiting = gate(request(), { signal: controller.signal, redirect: "manual" });
    controller.abort(new Error("stop"));
    await expect(waiting).rejects.toMatchObject({ name: "AbortError", cause: new Error("stop") });
  });
});
