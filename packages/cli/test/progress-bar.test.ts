import { describe, expect, it } from "vitest";
import { createProgress } from "../src/progress/create-progress.js";
import { fakeClock, planOf, reachedIn, recordingStream } from "./progress-fixtures.js";

const ESC = "\u001b";
// The escape sequences cli-progress writes (through `node:readline`'s cursorTo, moveCursor,
// clearLine and clearScreenDown), then text and line breaks.
const TOKEN = new RegExp(`${ESC}\\[(\\??)(\\d*)([A-Za-z])|${ESC}([78])|(\\n)|([^${ESC}\\n]+)`, "gu");

/**
 * What a terminal shows after `text`: enough of a VT100 for what cli-progress writes. `\n`
 * moves to the start of the next line, as a terminal's output processing does.
 */
function screenOf(text: string): { lines: string[]; row: number; col: number; modes: string[] } {
  const screen: string[][] = [[]];
  const modes: string[] = [];
  let row = 0;
  let col = 0;
  const line = (at: number) => {
    while (screen.length <= at) screen.push([]);
    return screen[at] as string[];
  };
  for (const [, privateMode, digits, command, saved, newline, chars] of text.matchAll(TOKEN)) {
    const n = digits === "" || digits === undefined ? 1 : Number(digits);
    if (chars !== undefined) {
      for (const char of chars) line(row)[col++] = char;
    } else if (newline) {
      row += 1;
      col = 0;
    } else if (saved || privateMode) {
      modes.push(`${saved ?? ""}${digits ?? ""}${command ?? ""}`);
    } else if (command === "A") row = Math.max(0, row - n);
    else if (command === "B") row += n;
    else if (command === "C") col += n;
    else if (command === "D") col = Math.max(0, col - n);
    else if (command === "G") col = n - 1;
    else if (command === "K") {
      // 0 (or none): cursor to end of line; 1: start to cursor; 2: the whole line.
      const mode = digits === "" ? 0 : Number(digits);
      const cells = line(row);
      if (mode === 2) cells.length = 0;
      else if (mode === 1) cells.fill(" ", 0, col + 1);
      else cells.length = Math.min(cells.length, col);
    } else if (command === "J") {
      line(row).length = Math.min(line(row).length, col);
      screen.length = row + 1;
    } else throw new Error(`the test's screen does not know ESC[${digits}${command}`);
  }
  const lines = screen.map((cells) =>
    Array.from(cells, (cell) => cell ?? " ")
      .join("")
      .trimEnd(),
  );
  while (lines.length > 0 && lines.at(-1) === "") lines.pop();
  return { lines, row, col, modes };
}

const terminal = () => recordingStream({ columns: 100, rows: 30 });

describe("progress bar", () => {
  it("draws a total bar and a bar per window walked, with counts, rate and elapsed time", async () => {
    const clock = fakeClock();
    const stream = terminal();
    const plan = planOf(4, 4);
    const progress = await createProgress("bar", { stream, now: clock.now });
    progress.start(plan);
    for (const window of [0, 1, 2, 3]) {
      clock.t += 500;
      progress.page({ window, logs: 1000, reached: reachedIn(plan, window, window + 1), done: false });
    }
    const { lines } = screenOf(stream.text());
    expect(lines).toHaveLength(5);
    // 1 + 2 + 3 + 4 h of 24 covered: 41%; 4,000 logs in 2 s.
    expect(lines[0]).toMatch(
      /^[█░]{16} {2}41% \| 4,000 logs, 4 pages \| 2,000 logs\/s \| 2 s \| 0\/4 windows done, 4 active$/,
    );
    expect(lines[1]).toMatch(
      /^ {2}[█░]{14} {2}16% 2026-01-01T18:00Z\.\.2026-01-02T00:00Z \| 1,000 logs, 1 page$/,
    );
    expect(lines[4]).toMatch(/^ {2}[█░]{14} {2}66% 2026-01-01T00:00Z\.\.06:00Z \| 1,000 logs, 1 page$/);
    progress.stop();
  });

  it("finish erases the bars and leaves one summary line, the cursor on the next line", async () => {
    const clock = fakeClock();
    const stream = terminal();
    stream.write("$ signalwire-voice logs export --since 2026-01-01 --until 2026-01-02 --out day.ndjson\n");
    const plan = planOf(2, 2);
    const progress = await createProgress("bar", { stream, now: clock.now });
    progress.start(plan);
    clock.t = 1000;
    progress.page({ window: 0, logs: 1000, reached: reachedIn(plan, 0, 12), done: true });
    clock.t = 3000;
    progress.page({ window: 1, logs: 500, reached: reachedIn(plan, 1, 4), done: false });
    progress.page({ window: 1, logs: 500, reached: reachedIn(plan, 1, 12), done: true });
    progress.finish();
    const screen = screenOf(stream.text());
    expect(screen.lines).toEqual([
      "$ signalwire-voice logs export --since 2026-01-01 --until 2026-01-02 --out day.ndjson",
      "signalwire-voice: done: 2,000 logs, 3 pages to day.ndjson in 3 s (667 logs/s)",
    ]);
    expect([screen.row, screen.col]).toEqual([2, 0]);
    // No terminal state to restore: the cursor is never hidden, line wrapping never turned off.
    expect(screen.modes).toEqual([]);
  });

  it("stop erases the bars and says nothing more", async () => {
    const clock = fakeClock();
    const stream = terminal();
    const plan = planOf(4, 4);
    const progress = await createProgress("bar", { stream, now: clock.now });
    progress.start(plan);
    for (const window of [0, 1, 2]) {
      clock.t += 300;
      progress.page({ window, logs: 1000, reached: reachedIn(plan, window, 1), done: false });
    }
    expect(screenOf(stream.text()).lines).toHaveLength(4);
    progress.stop();
    const after = stream.text().length;
    progress.finish();
    progress.page({ window: 3, logs: 1000, reached: reachedIn(plan, 3, 1), done: false });
    expect(stream.text()).toHaveLength(after);
    expect(screenOf(stream.text())).toEqual({ lines: [], row: 0, col: 0, modes: [] });
  });

  it("with 16 windows at once, shows at most 8 window bars and removes a window's bar when it is done", async () => {
    const clock = fakeClock();
    const stream = terminal();
    const plan = planOf(32, 16);
    const progress = await createProgress("bar", { stream, now: clock.now });
    progress.start(plan);
    for (let window = 0; window < 16; window += 1) {
      clock.t += 250;
      progress.page({ window, logs: 1000, reached: reachedIn(plan, window, 0.25), done: false });
      expect(screenOf(stream.text()).lines.length).toBeLessThanOrEqual(9);
    }
    let { lines } = screenOf(stream.text());
    expect(lines).toHaveLength(9);
    expect(lines[0]).toContain("16,000 logs, 16 pages");
    expect(lines[0]).toContain("0/32 windows done, 16 active");
    expect(lines.filter((line) => line.includes("2026-01-01T23:15Z..2026-01-02T00:00Z"))).toHaveLength(1);

    clock.t += 250;
    progress.page({ window: 0, logs: 10, reached: reachedIn(plan, 0, 0.75), done: true });
    ({ lines } = screenOf(stream.text()));
    expect(lines).toHaveLength(8);
    expect(lines[0]).toContain("1/32 windows done, 15 active");
    expect(lines.some((line) => line.includes("2026-01-01T23:15Z..2026-01-02T00:00Z"))).toBe(false);
    // A window walked without a bar gets the free one at its next page.
    clock.t += 250;
    progress.page({ window: 12, logs: 1000, reached: reachedIn(plan, 12, 0.5), done: false });
    ({ lines } = screenOf(stream.text()));
    expect(lines).toHaveLength(9);
    expect(lines[8]).toContain("2026-01-01T14:15Z..15:00Z");
    progress.stop();
  });

  it("follows a split: the window's bar shrinks, the later windows' pages find their bars", async () => {
    const clock = fakeClock();
    const stream = terminal();
    const plan = planOf(2, 3);
    const progress = await createProgress("bar", { stream, now: clock.now });
    progress.start(plan);
    progress.page({ window: 1, logs: 1000, reached: reachedIn(plan, 1, 3), done: false });
    clock.t = 1000;
    progress.page({ window: 0, logs: 1000, reached: reachedIn(plan, 0, 2), done: false });
    progress.split({ window: 0, at: reachedIn(plan, 0, 6) });
    clock.t = 2000;
    progress.page({ window: 2, logs: 1000, reached: reachedIn(plan, 1, 6), done: false });
    const { lines } = screenOf(stream.text());
    expect(lines.slice(1)).toEqual([
      `  ${"█".repeat(7)}${"░".repeat(7)}  50% 2026-01-01T00:00Z..12:00Z | 2,000 logs, 2 pages`,
      `  ${"█".repeat(5)}${"░".repeat(9)}  33% 2026-01-01T18:00Z..2026-01-02T00:00Z | 1,000 logs, 1 page`,
    ]);
    expect(lines[0]).toContain("0/3 windows done, 2 active");
    progress.stop();
  });

  it("shows a pause on the total line until the next page", async () => {
    const clock = fakeClock();
    const stream = terminal();
    const plan = planOf(1, 1);
    const progress = await createProgress("bar", { stream, now: clock.now });
    progress.start(plan);
    progress.waiting({ ms: 2000, reason: "rate limited" });
    expect(screenOf(stream.text()).lines).toEqual([
      `${"░".repeat(16)}   0% | 0 logs, 0 pages | 0 logs/s | 0 s | rate limited, pausing 2 s`,
    ]);
    clock.t = 4000;
    progress.page({ window: 0, logs: 1000, reached: reachedIn(plan, 0, 6), done: false });
    // One window at a time: the total bar is its bar.
    expect(screenOf(stream.text()).lines).toEqual([
      `${"█".repeat(4)}${"░".repeat(12)}  25% | 1,000 logs, 1 page | 250 logs/s | 4 s | 0/1 window done`,
    ]);
    progress.stop();
  });

  it("cuts lines to the terminal's width", async () => {
    const clock = fakeClock();
    const stream = recordingStream({ columns: 50, rows: 30 });
    const progress = await createProgress("bar", { stream, now: clock.now });
    progress.start(planOf(2, 2));
    const { lines } = screenOf(stream.text());
    expect(lines[0]).toBe(`${"░".repeat(16)}   0% | 0 logs, 0 pages | 0 logs/s`);
    progress.stop();
  });

  it("keeps no timer that holds the process open", async () => {
    const timers = () => process.getActiveResourcesInfo().filter((name) => name === "Timeout").length;
    const before = timers();
    const clock = fakeClock();
    const plan = planOf(2, 2);
    const progress = await createProgress("bar", { stream: terminal(), now: clock.now });
    progress.start(plan);
    expect(timers()).toBe(before);
    // Each redraw arms cli-progress's timer again.
    clock.t = 1000;
    progress.page({ window: 0, logs: 1000, reached: reachedIn(plan, 0, 1), done: false });
    progress.waiting({ ms: 1000, reason: "rate limited" });
    expect(timers()).toBe(before);
    progress.stop();
  });

  it("redraws on a page at most every 250 ms of the clock", async () => {
    const clock = fakeClock();
    const stream = terminal();
    const plan = planOf(1, 1);
    const progress = await createProgress("bar", { stream, now: clock.now });
    progress.start(plan);
    const totalLine = () => screenOf(stream.text()).lines[0];
    clock.t = 249;
    progress.page({ window: 0, logs: 1000, reached: reachedIn(plan, 0, 1), done: false });
    expect(totalLine()).toContain("| 0 logs, 0 pages |");
    clock.t = 250;
    progress.page({ window: 0, logs: 1000, reached: reachedIn(plan, 0, 2), done: false });
    expect(totalLine()).toContain("| 2,000 logs, 2 pages |");
    clock.t = 499;
    progress.page({ window: 0, logs: 1000, reached: reachedIn(plan, 0, 3), done: false });
    expect(totalLine()).toContain("| 2,000 logs, 2 pages |");
    progress.stop();
  });
});
