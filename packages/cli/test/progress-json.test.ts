import { describe, expect, expectTypeOf, it } from "vitest";
import { createProgress } from "../src/progress/create-progress.js";
import type { ProgressEvent } from "../src/progress/progress-event.js";
import { fakeClock, planOf, reachedIn, recordingStream } from "./progress-fixtures.js";

const eventsIn = (text: string): ProgressEvent[] =>
  text
    .split("\n")
    .slice(0, -1)
    .map((line) => JSON.parse(line) as ProgressEvent);

describe("progress json", () => {
  it("writes one JSON object per line and event, in order, with fractions that never go down", async () => {
    const clock = fakeClock(500);
    const stream = recordingStream();
    const plan = planOf(3, 3);
    const progress = await createProgress("json", { stream, now: clock.now });
    progress.start(plan);
    const steps: [window: number, hours: number, done: boolean][] = [
      [0, 2, false],
      [1, 4, false],
      [0, 1, false], // a page reaching less far back than the last one: nothing more covered
      [2, 8, true],
      [0, 8, true],
      [1, 8, true],
    ];
    for (const [window, hours, done] of steps) {
      clock.t += 250;
      progress.page({ window, logs: 1000, reached: reachedIn(plan, window, hours), done });
    }
    progress.waiting({ ms: 2000, reason: "rate limited" });
    progress.finish();

    const events = eventsIn(stream.text());
    expect(events.map((event) => event.event)).toEqual(["start", ...steps.map(() => "page"), "wait", "done"]);
    expect(events[0]).toEqual({
      event: "start",
      since: "2026-01-01T00:00:00.000Z",
      until: "2026-01-02T00:00:00.000Z",
      out: "day.ndjson",
      windows: 3,
      concurrency: 3,
      totalLogs: 0,
      pages: 0,
      windowsDone: 0,
      fraction: 0,
    });
    expect(events[1]).toEqual({
      event: "page",
      window: 0,
      logs: 1000,
      totalLogs: 1000,
      pages: 1,
      windowsDone: 0,
      fraction: 0.0833, // 2 h of 24, rounded down
      reached: "2026-01-01T22:00:00.000Z",
      done: false,
      elapsedMs: 250,
    });
    const fractions = events.flatMap((event) => ("fraction" in event ? [event.fraction] : []));
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);
    expect(events.at(-2)).toEqual({ event: "wait", ms: 2000, reason: "rate limited" });
    expect(events.at(-1)).toEqual({
      event: "done",
      totalLogs: 6000,
      pages: 6,
      windowsDone: 3,
      fraction: 1,
      elapsedMs: 1500,
      logsPerSecond: 4000,
    });
  });

  it("on --resume, counts earlier runs in the totals and this run in the rate", async () => {
    const clock = fakeClock();
    const stream = recordingStream();
    const fresh = planOf(2, 2);
    const plan = planOf(2, 2, { 0: { logs: 4000, pages: 4, reached: reachedIn(fresh, 0, 6) } });
    const progress = await createProgress("json", { stream, now: clock.now });
    progress.start(plan);
    clock.t = 2000;
    progress.page({ window: 0, logs: 500, reached: reachedIn(plan, 0, 12), done: true });
    progress.stop();
    progress.finish(); // ignored: stopped already
    const events = eventsIn(stream.text());
    expect(events[0]).toMatchObject({
      event: "start",
      totalLogs: 4000,
      pages: 4,
      windowsDone: 0,
      fraction: 0.25,
    });
    expect(events[1]).toMatchObject({
      event: "page",
      logs: 500,
      totalLogs: 4500,
      pages: 5,
      windowsDone: 1,
      fraction: 0.5,
    });
    expect(events.slice(2)).toEqual([
      {
        event: "stopped",
        totalLogs: 4500,
        pages: 5,
        windowsDone: 1,
        fraction: 0.5,
        elapsedMs: 2000,
        logsPerSecond: 250,
      },
    ]);
  });

  it("writes strings as JSON: a reason with quotes and line breaks stays one line", async () => {
    const stream = recordingStream();
    const progress = await createProgress("json", { stream, now: fakeClock().now });
    progress.waiting({ ms: 1, reason: 'a "quoted"\nreason' });
    expect(eventsIn(stream.text())).toEqual([{ event: "wait", ms: 1, reason: 'a "quoted"\nreason' }]);
  });

  it("types each event's fields by its name", async () => {
    expectTypeOf<Extract<ProgressEvent, { event: "page" }>["fraction"]>().toEqualTypeOf<number>();
    expectTypeOf<Extract<ProgressEvent, { event: "wait" }>>().toEqualTypeOf<{
      event: "wait";
      ms: number;
      reason: string;
    }>();
    expectTypeOf<ProgressEvent["event"]>().toEqualTypeOf<
      "start" | "page" | "split" | "wait" | "done" | "stopped"
    >();
  });

  it("follows a split: the new window takes the next index, the later ones move up, coverage stays", async () => {
    const clock = fakeClock();
    const stream = recordingStream();
    const plan = planOf(2, 2);
    const progress = await createProgress("json", { stream, now: clock.now });
    progress.start(plan);
    progress.page({ window: 0, logs: 100, reached: reachedIn(plan, 0, 2), done: false });
    // Window 0 (12:00..24:00) keeps 18:00..24:00; 12:00..18:00 becomes window 1; the old 1 is 2.
    progress.split({ window: 0, at: reachedIn(plan, 0, 6) });
    progress.split({ window: 7, at: reachedIn(plan, 0, 6) }); // no such window: ignored
    progress.page({ window: 2, logs: 100, reached: reachedIn(plan, 1, 12), done: true });
    progress.page({ window: 1, logs: 100, reached: reachedIn(plan, 0, 12), done: true });
    progress.page({ window: 0, logs: 100, reached: reachedIn(plan, 0, 6), done: true });
    progress.finish();
    const events = eventsIn(stream.text());
    expect(events.map((event) => event.event)).toEqual([
      "start",
      "page",
      "split",
      "page",
      "page",
      "page",
      "done",
    ]);
    expect(events[2]).toEqual({ event: "split", window: 0, at: "2026-01-01T18:00:00.000Z", windows: 3 });
    expect(events.slice(3, 6)).toMatchObject([
      { window: 2, fraction: 0.5833, windowsDone: 1, reached: "2026-01-01T00:00:00.000Z" }, // 2 h + 12 h
      { window: 1, fraction: 0.8333, windowsDone: 2, reached: "2026-01-01T12:00:00.000Z" }, // + 6 h
      { window: 0, fraction: 1, windowsDone: 3, reached: "2026-01-01T18:00:00.000Z" },
    ]);
  });
});
