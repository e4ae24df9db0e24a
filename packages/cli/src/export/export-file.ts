import { rmSync, type Stats } from "node:fs";
import { lstat, mkdtemp, open, readdir, readlink, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { UsageError } from "../usage-error.js";
import { lockExport } from "./export-lock.js";
import { OrderedOutput } from "./ordered-output.js";
import { fileSink, streamSink, type Writable } from "./output-sink.js";
import type { RecordFormat } from "./record-format.js";
import {
  type ExportFilters,
  type ExportState,
  partsDirectoryOf,
  readState,
  stateFileOf,
  type WindowState,
  writeState,
} from "./state-file.js";
import type { TimeRange } from "./time-range.js";

const FLAG_OF: Record<keyof ExportFilters, string> = {
  since: "--since",
  until: "--until",
  include_deleted: "--include-deleted",
  format: "--format",
};

/**
 * An export's output, opened: `output` takes the pages, `close` releases what it holds (and,
 * for stdout, removes its temporary part files).
 *
 * @example
 * ```ts
 * const opened = await openExportFile("logs.ndjson", filters, { resume: false, format, windows });
 * ```
 */
export interface OpenedExport {
  output: OrderedOutput;
  /** A resumed export: some windows were written by an earlier run. */
  resumed: boolean;
  close(): Promise<void>;
  /** What to tell someone who stopped the export half way. */
  readonly interruptedMessage: string;
}

/**
 * Opens FILE for an export, before any request: a new one (FILE and its state file must not
 * exist), or with `resume` the one its state file describes, FILE and the part files cut back to
 * the last complete page of each window. `"complete"` when that export is done already. Throws
 * `UsageError` for anything the user must fix: an unwritable path, an existing FILE, no state to
 * resume, other filters.
 *
 * @example const opened = await openExportFile("logs.ndjson", filters, { resume: false, format, windows });
 */
export async function openExportFile(
  file: string,
  filters: ExportFilters,
  options: { resume: boolean; format: RecordFormat; windows: readonly TimeRange[] },
): Promise<OpenedExport | "complete"> {
  await checkOutPath(file);
  const release = await writable(file, () => lockExport(file));
  try {
    // Under the lock: a run that started at the same time and finished first counts too.
    if (!options.resume && ((await exists(file)) || (await exists(stateFileOf(file))))) {
      throw new UsageError(
        `${file} exists: add --resume to continue its export, or choose another --out (or remove ${file} and ${stateFileOf(file)}).`,
      );
    }
    const opened = await openLocked(file, filters, options);
    if (opened === "complete") {
      await release();
      return opened;
    }
    return {
      ...opened,
      close: async () => {
        await opened.close();
        await release();
      },
    };
  } catch (error) {
    await release();
    throw error;
  }
}

async function openLocked(
  file: string,
  filters: ExportFilters,
  options: { resume: boolean; format: RecordFormat; windows: readonly TimeRange[] },
): Promise<OpenedExport | "complete"> {
  const statePath = stateFileOf(file);
  const partsDirectory = partsDirectoryOf(file);
  let state: ExportState;
  if (!options.resume) {
    state = {
      version: 2,
      filters,
      offset: 0,
      head: 0,
      nextId: options.windows.length,
      windows: options.windows.map(freshWindow),
      done: false,
    };
    // The state first: a crash before FILE exists leaves an export that --resume starts afresh.
    await writable(file, () => writeState(statePath, state));
    try {
      await writable(file, async () => (await open(file, "wx")).close());
    } catch (error) {
      await rm(statePath, { force: true });
      throw error;
    }
    await rm(partsDirectory, { recursive: true, force: true });
  } else {
    state = await readableState(file, statePath);
    const difference = (Object.keys(FLAG_OF) as (keyof ExportFilters)[]).find(
      (key) => state.filters[key] !== filters[key],
    );
    if (difference) {
      throw new UsageError(
        `The export at ${file} has ${FLAG_OF[difference]} ${state.filters[difference]}, this command ${filters[difference]}: resume it with the same flags, or start another export with another --out.`,
      );
    }
    if (state.done) return "complete";
    checkConsistent(statePath, state, options.format.header);
    await checkSizes(file, state, partsDirectory);
    await removeLeftovers(statePath, state, partsDirectory);
  }
  const handle = await writable(file, async () => open(file, (await exists(file)) ? "r+" : "w"));
  try {
    // Bytes after the last complete page are a page whose state was never saved: it is written again.
    await handle.truncate(state.offset);
    const save = (next: ExportState) => writeState(statePath, next);
    const output = new OrderedOutput({ state, sink: fileSink(handle, state.offset), partsDirectory, save });
    if (state.offset === 0) await output.writeHeader(options.format.header);
    await handle.sync();
    return {
      output,
      resumed: options.resume,
      close: async () => {
        await output.close();
        await handle.close();
      },
      interruptedMessage: `interrupted: ${file} holds every page up to the last one saved; run the same command with --resume to continue.`,
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/**
 * A state this program could have written: unique window ids below `nextId`, and an `offset`
 * that is the header plus the bytes of the windows through the head. Anything else was edited.
 */
function checkConsistent(statePath: string, state: ExportState, header: string): void {
  const ids = new Set(state.windows.map((window) => window.id));
  const inFile = state.windows.slice(0, state.head + 1).reduce((sum, window) => sum + window.bytes, 0);
  const headerBytes = state.offset === 0 ? 0 : Buffer.byteLength(header, "utf8");
  const consistent =
    ids.size === state.windows.length &&
    state.windows.every((window) => window.id < state.nextId) &&
    state.windows.slice(0, state.head).every((window) => window.done) &&
    state.offset === headerBytes + inFile;
  if (!consistent) {
    throw new UsageError(
      `${statePath} does not describe its export (it was edited?): start the export again with another --out.`,
    );
  }
}

/**
 * An export to a stream (stdout): no state, no resume. Windows after the head wait in part files
 * in a temporary directory, removed on `close`.
 *
 * @example const opened = await openStreamExport(process.stdout, { format, windows, filters, signal });
 */
export async function openStreamExport(
  stream: Writable,
  options: {
    format: RecordFormat;
    windows: readonly TimeRange[];
    filters: ExportFilters;
    signal?: AbortSignal | undefined;
  },
): Promise<OpenedExport> {
  const partsDirectory = await mkdtemp(join(tmpdir(), "signalwire-voice-export-"));
  const state: ExportState = {
    version: 2,
    filters: options.filters,
    offset: 0,
    head: 0,
    nextId: options.windows.length,
    windows: options.windows.map(freshWindow),
    done: false,
  };
  const save = async () => {};
  // `process.exit()` (a reader gone from the pipe) skips `close`: the parts go all the same.
  const removeParts = () => rmSync(partsDirectory, { recursive: true, force: true });
  process.once("exit", removeParts);
  // Nothing to resume on stdout: the state is never saved, so no checkpoint before the end.
  const output = new OrderedOutput({
    state,
    sink: streamSink(stream, options.signal),
    partsDirectory,
    save,
    checkpointMs: Number.POSITIVE_INFINITY,
  });
  await output.writeHeader(options.format.header);
  return {
    output,
    resumed: false,
    close: async () => {
      await output.close();
      process.off("exit", removeParts);
      await rm(partsDirectory, { recursive: true, force: true });
    },
    interruptedMessage:
      "interrupted: stdout holds whole pages up to the last one written, unless its reader had stopped reading (an export to stdout cannot be resumed; use --out FILE for that).",
  };
}

function freshWindow(range: TimeRange, id: number): WindowState {
  return {
    id,
    since: range.since.toJSON(),
    until: range.until.toJSON(),
    cursor: null,
    reached: range.until.toJSON(),
    bytes: 0,
    logs: 0,
    pages: 0,
    done: false,
  };
}

async function checkSizes(file: string, state: ExportState, partsDirectory: string): Promise<void> {
  const size = (await exists(file)) ? (await stat(file)).size : 0;
  if (size < state.offset) {
    throw new UsageError(
      `${file} has ${size} bytes, fewer than the ${state.offset} its state file says were written: it was changed since. Start the export again with another --out.`,
    );
  }
  for (const window of state.windows.slice(state.head + 1)) {
    if (window.bytes === 0) continue;
    const part = join(partsDirectory, `${window.id}`);
    const partSize = (await exists(part)) ? (await stat(part)).size : 0;
    if (partSize < window.bytes) {
      throw new UsageError(
        `${part} has ${partSize} bytes, fewer than the ${window.bytes} the state file says were written: it was changed since. Start the export again with another --out.`,
      );
    }
  }
}

/** Part files of windows already in FILE, and temporary state files a crash left behind. */
async function removeLeftovers(statePath: string, state: ExportState, partsDirectory: string): Promise<void> {
  const waiting = new Set(state.windows.slice(state.head + 1).map((window) => `${window.id}`));
  const parts = await readdir(partsDirectory).catch(() => [] as string[]);
  await Promise.all(
    parts.filter((name) => !waiting.has(name)).map((name) => rm(join(partsDirectory, name), { force: true })),
  );
  const temporary = `.${basename(statePath)}.`;
  const siblings = await readdir(dirname(statePath)).catch(() => [] as string[]);
  await Promise.all(
    siblings
      .filter((name) => name.startsWith(temporary) && name.endsWith(".tmp"))
      .map((name) => rm(join(dirname(statePath), name), { force: true })),
  );
}

/**
 * Refuses an `--out` that can never be an export's FILE, with what to do instead: a directory, a
 * symbolic link to nothing (creating FILE would not follow it) or a loop of links.
 */
async function checkOutPath(file: string): Promise<void> {
  const link = await lstat(file).catch(() => undefined);
  if (!link) return;
  let target: Stats;
  try {
    target = await stat(file);
  } catch (error) {
    if (!link.isSymbolicLink()) return;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ELOOP") {
      throw new UsageError(
        `--out ${file} is a loop of symbolic links: remove the link, or choose another --out.`,
      );
    }
    if (code !== "ENOENT") return;
    const to = resolve(dirname(file), await readlink(file));
    throw new UsageError(
      `--out ${file} is a symbolic link to ${to}, which does not exist: give that path as --out, or remove the link.`,
    );
  }
  if (target.isDirectory()) {
    throw new UsageError(
      `--out ${file} is a directory: name a file in it, e.g. --out ${join(file, "logs.ndjson")}.`,
    );
  }
}

async function readableState(file: string, statePath: string): Promise<ExportState> {
  let state: ExportState | undefined;
  try {
    state = await readState(statePath);
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    throw new UsageError(`Cannot read ${statePath} (${problem}): start the export again with another --out.`);
  }
  if (!state) {
    throw new UsageError(
      `no export to resume at ${file}: ${statePath} does not exist. Run the command without --resume to start one.`,
    );
  }
  return state;
}

// A path that cannot be written (no such directory, no permission, a directory) is a usage
// error: nothing has been sent yet.
async function writable<T>(file: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new UsageError(`Cannot write --out ${file} (${code}): choose a file in a writable directory.`);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
