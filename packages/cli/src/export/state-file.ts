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
  format: "ndjson";
}

/**
 * The state file beside an export's FILE (`FILE.state.json`): how far FILE is complete.
 *
 * @example
 * ```ts
 * const state: ExportState = { version: 1, filters, cursor: null, offset: 0, done: false };
 * ```
 */
export interface ExportState {
  version: 1;
  filters: ExportFilters;
  /** Pagination's cursor after the last page written to FILE; null before the first. */
  cursor: string | null;
  /** Bytes of FILE through the last complete page: anything after them is cut on resume. */
  offset: number;
  /** Every page is in FILE. */
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
    state.version === 1 &&
    typeof state.filters === "object" &&
    (state.cursor === null || typeof state.cursor === "string") &&
    Number.isSafeInteger(state.offset) &&
    typeof state.done === "boolean";
  if (!valid) throw new Error(`${path} is not an export state of this version of signalwire-voice.`);
  return state as ExportState;
}

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
