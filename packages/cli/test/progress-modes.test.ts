import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createProgress, type ProgressMode } from "../src/progress/create-progress.js";
import type { ExportProgress } from "../src/progress/export-progress.js";
import { guardedProgress } from "../src/progress/guarded-progress.js";
import { fakeClock, planOf, reachedIn, recordingStream } from "./progress-fixtures.js";

const MODES: ProgressMode[] = ["bar", "lines", "json", "none"];

/** Every call of an export, start to finish, on a progress display. */
function runAll(progress: ExportProgress, clock: { t: number }, end: "finish" | "stop" = "finish"): void {
  const plan = planOf(2, 2);
  progress.start(plan);
  clock.t += 6000;
  progress.page({ window: 0, logs: 1000, reached: reachedIn(plan, 0, 3), done: false });
  progress.waiting({ ms: 1000, reason: "rate limited" });
  progress.split({ window: 1, at: reachedIn(plan, 1, 6) });
  clock.t += 6000;
  progress.page({ window: 1, logs: 1000, reached: reachedIn(plan, 1, 12), done: true });
  progress[end]();
}

describe("progress modes", () => {
  it("none writes nothing, on a terminal or not", async () => {
    for (const tty of [undefined, { columns: 100, rows: 30 }]) {
      const stream = recordingStream(tty);
      const clock = fakeClock();
      runAll(await createProgress("none", { stream, now: clock.now, intervalMs: 0 }), clock);
      expect(stream.text()).toBe("");
    }
  });

  it("bar on a stream that is not a terminal shows lines, since cli-progress draws nothing there", async () => {
    const stream = recordingStream();
    const clock = fakeClock();
    runAll(await createProgress("bar", { stream, now: clock.now }), clock);
    expect(stream.text()).toMatch(/^signalwire-voice: exporting .*\nsignalwire-voice: 1,000 logs, 1 page, /);
    expect(stream.text()).not.toContain("\u001b");
  });

  it.each(MODES)("%s never throws when the stream's write throws", async (mode) => {
    const stream = {
      isTTY: true,
      columns: 80,
      write(): never {
        throw new Error("EPIPE");
      },
    };
    const clock = fakeClock();
    const progress = await createProgress(mode, { stream, now: clock.now, intervalMs: 0 });
    expect(() => runAll(progress, clock)).not.toThrow();
    const stopped = await createProgress(mode, { stream, now: clock.now });
    expect(() => runAll(stopped, clock, "stop")).not.toThrow();
  });

  it.each(MODES)(
    "%s survives a stream that fails with an error event, and stops writing to it",
    async (mode) => {
      let writes = 0;
      const stream = Object.assign(
        new Writable({
          write(_chunk, _encoding, done) {
            writes += 1;
            done(new Error("EPIPE"));
          },
        }),
        { isTTY: true, columns: 80 },
      );
      const clock = fakeClock();
      const progress = await createProgress(mode, { stream, now: clock.now, intervalMs: 0 });
      const plan = planOf(2, 2);
      progress.start(plan);
      // The error event comes after `write` returned; unheard, it would fail the test run.
      await new Promise((resolve) => setImmediate(resolve));
      const before = writes;
      progress.page({ window: 0, logs: 1, reached: reachedIn(plan, 0, 1), done: false });
      progress.finish();
      expect(writes).toBe(before);
    },
  );

  it("a display that throws is ignored, and ends once", async () => {
    const calls: string[] = [];
    const failing: ExportProgress = {
      start: () => calls.push("start"),
      page() {
        calls.push("page");
        throw new Error("a bug");
      },
      split: () => calls.push("split"),
      waiting: () => calls.push("waiting"),
      finish: () => calls.push("finish"),
      stop: () => calls.push("stop"),
    };
    const progress = guardedProgress(failing);
    const plan = planOf(1, 1);
    progress.start(plan);
    expect(() => progress.page({ window: 0, logs: 1, reached: plan.until, done: false })).not.toThrow();
    progress.finish();
    progress.stop();
    progress.page({ window: 0, logs: 1, reached: plan.until, done: false });
    expect(calls).toEqual(["start", "page", "finish"]);
  });
});
