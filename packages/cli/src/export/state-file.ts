import { open, readFile, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * What makes two exports the same export: `--resume` continues only one whose filters are equal.
 *
 * @example
 * ```ts
 * const filters: ExportFilters = { since: "2026-01-01T00:00:00.000Z", until: "2026-01-02T00:00:00.000Z", include_deleted: false, format: "ndjson" };
 * ```
 */
export interface ExportFilters {
  since: string;
  until: string;
  include_deleted: boolean;
  format: "ndjson" | "csv";
}

/**
 * One time window of an export, `[since, until)`: walked newest first by one worker, its records
 * written in FILE after those of the windows before it.
 *
 * @example
 * ```ts
 * const window: WindowState = { id: 0, since, until, cursor: null, reached: until, bytes: 0, logs: 0, pages: 0, done: false };
 * ```
 */
export interface WindowState {
  /** Names the window's part file; never reused within an export. */
  id: number;
  /** ISO date-times. `since` moves later when an idle worker takes over the window's older part. */
  since: string;
  until: string;
  /** Pagination's cursor after the window's last page written; null before its first. */
  cursor: string | null;
  /** The window is covered from `reached` to `until` (`until` before its first page). */
  reached: string;
  /** Bytes of records written for the window: in its part file, or in FILE once it is the head. */
  bytes: number;
  logs: number;
  pages: number;
  done: boolean;
}

/**
 * The state file beside an export's FILE (`FILE.state.json`): how far FILE and the part files of
 * the windows after the head are complete.
 *
 * @example
 * ```ts
 * const state: ExportState = { version: 2, filters, offset: 0, head: 0, nextId: 1, windows: [window], done: false };
 * ```
 */
export interface ExportState {
  version: 2;
  filters: ExportFilters;
  /**
   * Bytes of FILE that are complete: the header, every window before `head` and the head's own
   * bytes. Anything after them is cut on resume.
   */
  offset: number;
  /** The window written straight into FILE; those before it are complete in FILE, those after it in part files. */
  head: number;
  /** The next window's id. */
  nextId: number;
  /** In the order their records appear in FILE: newest first. */
  windows: WindowState[];
  /** Every window is in FILE. */
  done: boolean;
}

/**
 * The path of the state file of an export to `file`.
 *
 * @example stateFileOf("logs.ndjson") // "logs.ndjson.state.json"
 */
export const stateFileOf = (file: string): string => `${file}.state.json`;

/**
 * Reads a state file: undefined when there is none, an `Error` naming the file when it is not a
 * state this program wrote.
 *
 * @example const state = await readState("logs.ndjson.state.json");
 */
export async function readState(path: string): Promise<ExportState | undefined> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const state = JSON.parse(text) as Partial<ExportState>;
  const valid =
    state.version === 2 &&
    typeof state.filters === "object" &&
    Number.isSafeInteger(state.offset) &&
    Number.isSafeInteger(state.head) &&
    Number.isSafeInteger(state.nextId) &&
    Array.isArray(state.windows) &&
    state.windows.every(isWindowState) &&
    (state.head ?? 0) < state.windows.length &&
    typeof state.done === "boolean";
  if (!valid) throw new Error(`${path} is not an export state of this version of signalwire-voice.`);
  return state as ExportState;
}

function isWindowState(window: Partial<WindowState>): boolean {
  return (
    Number.isSafeInteger(window.id) &&
    [window.since, window.until, window.reached].every(
      (date) => typeof date === "string" && !Number.isNaN(Date.parse(date)),
    ) &&
    (window.cursor === null || typeof window.cursor === "string") &&
    [window.bytes, window.logs, window.pages].every(
      (count) => Number.isSafeInteger(count) && (count as number) >= 0,
    ) &&
    typeof window.done === "boolean"
  );
}

/**
 * The directory of the part files of an export to `file`: one per window after the head.
 *
 * @example partsDirectoryOf("logs.ndjson") // "logs.ndjson.parts"
 */
export const partsDirectoryOf = (file: string): string => `${file}.parts`;

/**
 * Replaces the state file atomically: a temporary file in the same directory, flushed to disk,
 * then renamed over it. A crash leaves the old state or the new one, never half of either.
 *
 * @example await writeState("logs.ndjson.state.json", { ...state, offset: 1024 });
 */
export async function writeState(path: string, state: ExportState): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const handle = await open(temporary, "w");
  try {
    await handle.writeFile(`${JSON.stringify(state, null, 2)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncDirectory(dirname(path));
}

// The rename is durable once the directory is flushed. Some platforms (Windows) cannot open a
// directory for that; there the rename is as durable as the file system makes it.
async function syncDirectory(directory: string): Promise<void> {
  try {
    const handle = await open(directory, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {}
}
