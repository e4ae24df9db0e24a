import { type FileHandle, mkdir, open, rm } from "node:fs/promises";
import { join } from "node:path";
import { type OutputSink, writeAt } from "./output-sink.js";
import type { ExportState, WindowState } from "./state-file.js";

/**
 * One page of a window, encoded, with where the walk stands after it.
 *
 * @example
 * ```ts
 * const page: PageWrite = { text, logs: 1000, cursor: page.cursor, reached, done: false };
 * ```
 */
export interface PageWrite {
  /** The page's records, encoded. */
  text: string;
  logs: number;
  /** Pagination's cursor after the page. */
  cursor: string;
  /** The window is covered from here to its `until`. */
  reached: Date;
  /** The window's last page. */
  done: boolean;
}

const COPY_CHUNK = 1 << 20;

/**
 * Writes the pages of windows walked side by side so that the output holds them window by
 * window, in order. The head window (the first not complete in the output) goes straight into
 * the sink; each later window waits in a part file of its own, appended to the sink when the
 * windows before it are complete. Writes happen one at a time.
 *
 * The state is saved at checkpoints, at most every `checkpointMs` (and at `checkpoint()` and
 * `finish()`): the sink and the part files written since the last one are flushed to disk
 * first, so a saved state counts complete, durable pages only. A crash loses the pages after
 * the last checkpoint, which `--resume` cuts off and fetches again. A part file merged into the
 * sink is removed only once a saved state no longer needs it.
 *
 * @example
 * ```ts
 * const output = new OrderedOutput({ state, sink, partsDirectory, save });
 * await output.write(state.windows[1], { text, logs: 2, cursor, reached, done: true });
 * ```
 */
export class OrderedOutput {
  readonly state: ExportState;
  readonly #sink: OutputSink;
  readonly #partsDirectory: string;
  readonly #save: (state: ExportState) => Promise<void>;
  readonly #parts = new Map<number, FileHandle>();
  readonly #checkpointMs: number;
  readonly #now: () => number;
  #queue: Promise<void> = Promise.resolve();
  #savedAt: number;
  /** A checkpoint due after writes that none has saved yet, should no page follow them. */
  #due: ReturnType<typeof setTimeout> | undefined;
  /** Part files written since the last checkpoint: flushed before the next one. */
  readonly #unsynced = new Set<FileHandle>();
  /** Part files merged into the sink since the last checkpoint: removed after the next one. */
  #merged: number[] = [];

  constructor(options: {
    state: ExportState;
    sink: OutputSink;
    partsDirectory: string;
    save: (state: ExportState) => Promise<void>;
    /** The longest time between two saved states (default 1000 ms); 0 saves after every page. */
    checkpointMs?: number | undefined;
    now?: (() => number) | undefined;
  }) {
    this.state = options.state;
    this.#sink = options.sink;
    this.#partsDirectory = options.partsDirectory;
    this.#save = options.save;
    this.#checkpointMs = options.checkpointMs ?? 1000;
    this.#now = options.now ?? (() => performance.now());
    this.#savedAt = this.#now();
  }

  /** Writes one page of `window`, after every write asked for before it. A failed write fails all later ones. */
  write(window: WindowState, page: PageWrite): Promise<void> {
    const task = this.#queue.then(() => this.#write(window, page));
    this.#queue = task;
    return task;
  }

  /** Writes the output's header (CSV's column names) before any window; nothing for "". */
  writeHeader(header: string): Promise<void> {
    const task = this.#queue.then(async () => {
      if (header === "") return;
      await this.#sink.append(header);
      this.state.offset += Buffer.byteLength(header, "utf8");
      await this.#checkpoint();
    });
    this.#queue = task;
    return task;
  }

  /**
   * Hands the part of `window` older than `at` to a new window, placed right after it: `window`
   * keeps `[at, until)`. Synchronous, so no page is written between the two changes.
   */
  split(window: WindowState, at: Date): WindowState {
    const { windows } = this.state;
    const older: WindowState = {
      id: this.state.nextId++,
      since: window.since,
      until: at.toJSON(),
      cursor: null,
      reached: at.toJSON(),
      bytes: 0,
      logs: 0,
      pages: 0,
      done: false,
    };
    window.since = at.toJSON();
    windows.splice(windows.indexOf(window) + 1, 0, older);
    return older;
  }

  /** Saves the state now, after the writes asked for (when the export stops early). */
  checkpoint(): Promise<void> {
    const task = this.#queue.then(() => this.#checkpoint());
    this.#queue = task;
    return task;
  }

  /** Marks the export complete once every window is in the output, and removes the part files. */
  finish(): Promise<void> {
    const task = this.#queue.then(async () => {
      const { windows, head } = this.state;
      if (head !== windows.length - 1 || !windows[head]?.done)
        throw new Error("finish() before every window is done");
      this.state.done = true;
      await this.#checkpoint();
      await rm(this.#partsDirectory, { recursive: true, force: true });
    });
    this.#queue = task;
    return task;
  }

  /** Waits for the writes asked for, then closes the part files; never throws. */
  async close(): Promise<void> {
    await this.#queue.catch(() => {});
    clearTimeout(this.#due);
    this.#due = undefined;
    await Promise.all([...this.#parts.values()].map((handle) => handle.close().catch(() => {})));
    this.#parts.clear();
  }

  async #write(window: WindowState, page: PageWrite): Promise<void> {
    const length = Buffer.byteLength(page.text, "utf8");
    if (this.state.windows[this.state.head] === window) {
      await this.#sink.append(page.text);
      this.state.offset += length;
    } else if (length > 0) {
      const part = await this.#part(window);
      await writeAt(part, page.text, window.bytes);
      this.#unsynced.add(part);
    }
    window.bytes += length;
    window.logs += page.logs;
    window.pages += 1;
    window.cursor = page.cursor;
    window.reached = page.reached.toJSON();
    window.done = page.done;
    this.#merged.push(...(await this.#advance()));
    if (this.#now() - this.#savedAt >= this.#checkpointMs) await this.#checkpoint();
    else if (this.#due === undefined && Number.isFinite(this.#checkpointMs)) {
      // The next page may be slow to come (a stalled answer): these pages are saved meanwhile.
      this.#due = setTimeout(() => void this.checkpoint().catch(() => {}), this.#checkpointMs);
      this.#due.unref();
    }
  }

  /** Flushes what was written, saves the state, then removes the part files it no longer needs. */
  async #checkpoint(): Promise<void> {
    clearTimeout(this.#due);
    this.#due = undefined;
    await this.#sink.sync();
    await Promise.all([...this.#unsynced].map((handle) => handle.sync()));
    this.#unsynced.clear();
    await this.#save(this.state);
    this.#savedAt = this.#now();
    const merged = this.#merged;
    this.#merged = [];
    await Promise.all(merged.map((id) => rm(this.#partPath(id), { force: true })));
  }

  /** Appends the windows after a finished head, while they are ready; returns the ids merged. */
  async #advance(): Promise<number[]> {
    const { state } = this;
    const merged: number[] = [];
    while (state.windows[state.head]?.done && state.head < state.windows.length - 1) {
      state.head += 1;
      const next = state.windows[state.head] as WindowState;
      if (next.bytes > 0) {
        await this.#copyPart(next);
        state.offset += next.bytes;
      }
      const part = this.#parts.get(next.id);
      if (part) {
        // Its bytes are in the sink now, flushed with it at the next checkpoint.
        this.#unsynced.delete(part);
        await part.close();
      }
      this.#parts.delete(next.id);
      merged.push(next.id);
    }
    return merged;
  }

  async #copyPart(window: WindowState): Promise<void> {
    const handle = this.#parts.get(window.id) ?? (await open(this.#partPath(window.id), "r"));
    try {
      const buffer = Buffer.allocUnsafe(Math.min(COPY_CHUNK, window.bytes));
      for (let position = 0; position < window.bytes; ) {
        const length = Math.min(buffer.length, window.bytes - position);
        const { bytesRead } = await handle.read(buffer, 0, length, position);
        if (bytesRead === 0) throw new Error(`${this.#partPath(window.id)} is shorter than its state says`);
        await this.#sink.append(buffer.subarray(0, bytesRead));
        position += bytesRead;
      }
    } finally {
      if (!this.#parts.has(window.id)) await handle.close();
    }
  }

  /** The part file of a window after the head, opened once: created, or cut back to its saved bytes. */
  async #part(window: WindowState): Promise<FileHandle> {
    const open_ = this.#parts.get(window.id);
    if (open_) return open_;
    await mkdir(this.#partsDirectory, { recursive: true });
    const handle = await open(this.#partPath(window.id), window.bytes === 0 ? "w+" : "r+");
    await handle.truncate(window.bytes);
    this.#parts.set(window.id, handle);
    return handle;
  }

  #partPath(id: number): string {
    return join(this.#partsDirectory, `${id}`);
  }
}
