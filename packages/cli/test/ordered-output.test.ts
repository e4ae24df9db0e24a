import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { open } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { OrderedOutput, type PageWrite } from "../src/export/ordered-output.js";
import { fileSink } from "../src/export/output-sink.js";
import type { ExportState, WindowState } from "../src/export/state-file.js";

const directory = mkdtempSync(join(tmpdir(), "cli-ordered-output-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const window = (id: number): WindowState => ({
  id,
  since: "2026-01-01T00:00:00.000Z",
  until: "2026-01-02T00:00:00.000Z",
  cursor: null,
  reached: "2026-01-02T00:00:00.000Z",
  bytes: 0,
  logs: 0,
  pages: 0,
  done: false,
});
const page = (text: string, done = false): PageWrite => ({
  text,
  logs: text.split("\n").length - 1,
  cursor: `cursor-${text.trim()}`,
  reached: new Date("2026-01-01T12:00:00Z"),
  done,
});

/** An output over two windows in `name`, with a hand-moved clock and every saved state kept. */
async function outputIn(name: string, checkpointMs: number) {
  const file = join(directory, name);
  const handle = await open(file, "w+");
  const state: ExportState = {
    version: 2,
    filters: { since: "", until: "", include_deleted: false, format: "ndjson" },
    offset: 0,
    head: 0,
    nextId: 2,
    windows: [window(0), window(1)],
    done: false,
  };
  const clock = { now: 0 };
  const saved: ExportState[] = [];
  const output = new OrderedOutput({
    state,
    sink: fileSink(handle, 0),
    partsDirectory: `${file}.parts`,
    save: async (next) => void saved.push(structuredClone(next)),
    checkpointMs,
    now: () => clock.now,
  });
  return { file, handle, output, clock, saved, windows: state.windows as [WindowState, WindowState] };
}

describe("OrderedOutput", () => {
  it("writes the head straight into FILE and a later window into its part, then appends it in order", async () => {
    const { file, handle, output, saved, windows } = await outputIn("order.ndjson", 0);
    await output.write(windows[1], page("c\n"));
    await output.write(windows[0], page("a\n"));
    expect(readFileSync(file, "utf8")).toBe("a\n");
    expect(readFileSync(`${file}.parts/1`, "utf8")).toBe("c\n");
    await output.write(windows[0], page("b\n", true));
    await output.write(windows[1], page("d\n", true));
    await output.finish();
    await output.close();
    await handle.close();
    expect(readFileSync(file, "utf8")).toBe("a\nb\nc\nd\n");
    expect(existsSync(`${file}.parts`)).toBe(false);
    expect(saved.at(-1)).toMatchObject({ offset: 8, head: 1, done: true });
  });

  it("saves the state only at checkpoints, and keeps a merged part until a saved state no longer needs it", async () => {
    const { file, handle, output, clock, saved, windows } = await outputIn("checkpoints.ndjson", 60_000);
    await output.write(windows[1], page("c\n"));
    await output.write(windows[0], page("a\n"));
    expect(saved).toEqual([]);
    // Window 0 ends: window 1's part is appended to FILE, but the last saved state (none yet)
    // still needs the part, so it stays.
    await output.write(windows[0], page("b\n", true));
    expect(readFileSync(file, "utf8")).toBe("a\nb\nc\n");
    expect(existsSync(`${file}.parts/1`)).toBe(true);
    clock.now = 60_000;
    await output.write(windows[1], page("d\n"));
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ offset: 8, head: 1 });
    expect(saved[0]?.windows[1]).toMatchObject({ bytes: 4, pages: 2, cursor: "cursor-d", done: false });
    expect(existsSync(`${file}.parts/1`)).toBe(false);
    // Stopping early saves what was written since.
    await output.write(windows[1], page("e\n"));
    await output.checkpoint();
    expect(saved.at(-1)).toMatchObject({ offset: 10, done: false });
    await output.close();
    await handle.close();
  });

  it("hands the older part of a window to a new one placed right after it", async () => {
    const { output, windows, handle } = await outputIn("split.ndjson", 0);
    const older = output.split(windows[0], new Date("2026-01-01T06:00:00Z"));
    expect(output.state.windows.map((w) => w.id)).toEqual([0, 2, 1]);
    expect(windows[0].since).toBe("2026-01-01T06:00:00.000Z");
    expect(older).toMatchObject({
      since: "2026-01-01T00:00:00.000Z",
      until: "2026-01-01T06:00:00.000Z",
      cursor: null,
    });
    expect(output.state.nextId).toBe(3);
    await output.close();
    await handle.close();
  });
});
