import { describe, expect, it } from "vitest";
import { createProgress } from "../src/progress/create-progress.js";
import { count, counted, elapsedText, pauseText, windowText } from "../src/progress/progress-text.js";
import { fakeClock, planOf, RANGE, reachedIn, recordingStream } from "./progress-fixtures.js";

const lines = (text: string) => text.split("\n").slice(0, -1);

describe("progress lines", () => {
  it("writes a start line, a progress line at most every intervalMs, and a summary", async () => {
    const clock = fakeClock(10_000);
    const stream = recordingStream();
    const plan = planOf(4, 4);
    const progress = await createProgress("lines", { stream, now: clock.now });
    progress.start(plan);
    const page = (t: number, window: number, hours: number, done = false) => {
      clock.t = t;
      progress.page({ window, logs: 1000, reached: reachedIn(plan, window, hours), done });
    };
    page(11_000, 0, 1); // 1 s after the start line: too soon
    page(14_999, 1, 1); // still under 5 s
    page(15_000, 2, 2); // 5 s: a line, with 4 h of 24 covered (16.67%) and 3,000 logs in 5 s
    page(19_999, 3, 6, true); // 4.999 s after the last line: too soon
    page(20_000, 0, 6, true); // due: 6 + 1 + 2 + 6 h of 24 (62.5%), 5,000 logs in 10 s
    expect(lines(stream.text())).toEqual([
      `signalwire-voice: exporting the logs of ${RANGE} to day.ndjson: 4 windows, 4 at a time`,
      `signalwire-voice: 3,000 logs, 3 pages, 16% of ${RANGE}, 600 logs/s, 5 s elapsed`,
      `signalwire-voice: 5,000 logs, 5 pages, 62% of ${RANGE}, 500 logs/s, 10 s elapsed`,
    ]);
    clock.t = 21_500;
    progress.waiting({ ms: 1500, reason: "rate limited (429)" });
    clock.t = 82_000; // 5,007 logs in 72 s: 69.5 logs/s, shown rounded
    progress.page({ window: 1, logs: 7, reached: plan.windows[1]?.since ?? plan.since, done: true });
    progress.page({ window: 2, logs: 0, reached: plan.windows[2]?.since ?? plan.since, done: true });
    progress.finish();
    expect(lines(stream.text()).slice(3)).toEqual([
      "signalwire-voice: rate limited (429): all workers pause 1.5 s",
      `signalwire-voice: 5,007 logs, 6 pages, 83% of ${RANGE}, 70 logs/s, 1 min 12 s elapsed`,
      "signalwire-voice: done: 5,007 logs, 7 pages to day.ndjson in 1 min 12 s (70 logs/s)",
    ]);
  });

  it("on --resume, says what earlier runs did and counts the rate of this run only", async () => {
    const clock = fakeClock();
    const stream = recordingStream();
    const plan = planOf(4, 2, {
      0: { logs: 5000, pages: 5, done: true, reached: planOf(4, 2).windows[0]?.since ?? new Date(0) },
      1: { logs: 3000, pages: 3, reached: reachedIn(planOf(4, 2), 1, 3) },
    });
    const progress = await createProgress("lines", { stream, now: clock.now, intervalMs: 1000 });
    progress.start(plan);
    clock.t = 2000;
    progress.page({ window: 1, logs: 1000, reached: reachedIn(plan, 1, 6), done: true });
    progress.finish();
    expect(lines(stream.text())).toEqual([
      `signalwire-voice: exporting the logs of ${RANGE} to day.ndjson: 4 windows, 2 at a time; resuming after 8,000 logs, 8 pages, 37% (1 of 4 windows done)`,
      `signalwire-voice: 9,000 logs, 9 pages, 50% of ${RANGE}, 500 logs/s, 2 s elapsed`,
      "signalwire-voice: done: 9,000 logs, 9 pages to day.ndjson in 2 s (1,000 logs this run, 500 logs/s)",
    ]);
    // The caller's windows are not changed.
    expect(plan.windows[1]).toMatchObject({ logs: 3000, pages: 3 });
  });

  it("says nothing more on stop, and ignores every call after finish or stop", async () => {
    const clock = fakeClock();
    const stream = recordingStream();
    const plan = planOf(1, 1);
    const progress = await createProgress("lines", { stream, now: clock.now, intervalMs: 0 });
    progress.start({ ...plan, out: "stdout" });
    progress.stop();
    progress.page({ window: 0, logs: 1, reached: reachedIn(plan, 0, 1), done: false });
    progress.waiting({ ms: 10, reason: "x" });
    progress.finish();
    expect(lines(stream.text())).toEqual([
      `signalwire-voice: exporting the logs of ${RANGE} to stdout: 1 window, 1 at a time`,
    ]);
  });

  it("writes nothing for a page before start or of a window the plan does not have", async () => {
    const stream = recordingStream();
    const plan = planOf(2, 2);
    const progress = await createProgress("lines", { stream, now: fakeClock().now, intervalMs: 0 });
    progress.page({ window: 0, logs: 1, reached: reachedIn(plan, 0, 1), done: false });
    progress.finish();
    expect(stream.text()).toBe("");
  });

  it.each([
    [count, 12345.6, "12,346"],
    [count, 0, "0"],
    [(n: number) => counted(n, "page"), 1, "1 page"],
    [(n: number) => counted(n, "log"), 1234, "1,234 logs"],
    [elapsedText, 999, "0 s"],
    [elapsedText, 59_999, "59 s"],
    [elapsedText, 125_000, "2 min 05 s"],
    [elapsedText, 3_720_000, "1 h 02 min"],
    [pauseText, 250, "250 ms"],
    [pauseText, 1500, "1.5 s"],
    [pauseText, 2000, "2 s"],
    [pauseText, 60_000, "60 s"],
  ])("%o(%o) is %o", (format, value, want) => {
    expect(format(value)).toBe(want);
  });

  it.each([
    ["2026-01-01T06:00:00.000Z", "2026-01-01T12:00:00.000Z", "2026-01-01T06:00Z..12:00Z"],
    ["2026-01-01T18:00:00.000Z", "2026-01-02T00:00:00.000Z", "2026-01-01T18:00Z..2026-01-02T00:00Z"],
    ["2026-01-01T06:00:30.000Z", "2026-01-01T06:01:00.250Z", "2026-01-01T06:00:30Z..06:01:00.250Z"],
  ])("window %s..%s reads %s", (since, until, want) => {
    expect(windowText({ since: new Date(since), until: new Date(until) })).toBe(want);
  });
});
