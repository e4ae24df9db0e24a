import { type FileHandle, open, stat } from "node:fs/promises";
import { UsageError } from "../usage-error.js";
import type { ExportTarget } from "./export-target.js";
import { type ExportFilters, type ExportState, readState, stateFileOf, writeState } from "./state-file.js";

const FLAG_OF: Record<keyof ExportFilters, string> = {
  since: "--since",
  until: "--until",
  include_deleted: "--include-deleted",
  format: "--format",
};

/**
 * Opens FILE for an export, before any request: a new one (FILE and its state file must not
 * exist), or with `resume` the one its state file describes, FILE cut back to the last complete
 * page. `"complete"` when that export is done already. Throws `UsageError` for anything the user
 * must fix: an unwritable path, an existing FILE, no state to resume, other filters.
 *
 * @example const target = await openExportFile("logs.ndjson", filters, { resume: false });
 */
export async function openExportFile(
  file: string,
  filters: ExportFilters,
  { resume }: { resume: boolean },
): Promise<ExportTarget | "complete"> {
  const statePath = stateFileOf(file);
  if (!resume) {
    if ((await exists(file)) || (await exists(statePath))) {
      throw new UsageError(
        `${file} exists: add --resume to continue its export, or choose another --out (or remove ${file} and ${statePath}).`,
      );
    }
    const state: ExportState = { version: 1, filters, cursor: null, offset: 0, done: false };
    // The state first: a crash before FILE exists leaves an export that --resume starts afresh.
    await writable(file, () => writeState(statePath, state));
    const handle = await writable(file, () => open(file, "wx"));
    return fileTarget(file, statePath, handle, state);
  }
  const state = await readableState(file, statePath);
  const difference = (Object.keys(FLAG_OF) as (keyof ExportFilters)[]).find(
    (key) => state.filters[key] !== filters[key],
  );
  if (difference) {
    throw new UsageError(
      `The export at ${file} has ${FLAG_OF[difference]} ${state.filters[difference]}, this command ${filters[difference]}: resume it with the same flags, or start another export with another --out.`,
    );
  }
  if (state.done) return "complete";
  const size = (await exists(file)) ? (await stat(file)).size : 0;
  if (size < state.offset) {
    throw new UsageError(
      `${file} has ${size} bytes, fewer than the ${state.offset} its state file says were written: it was changed since. Start the export again with another --out.`,
    );
  }
  const handle = await writable(file, () => open(file, size === 0 ? "w" : "r+"));
  // Bytes after the last complete page are a page whose state was never saved: it is written again.
  await handle.truncate(state.offset);
  await handle.sync();
  return fileTarget(file, statePath, handle, state);
}

function fileTarget(file: string, statePath: string, handle: FileHandle, start: ExportState): ExportTarget {
  let state = start;
  return {
    cursor: start.cursor ?? undefined,
    async write(records, cursor) {
      const bytes = Buffer.from(records, "utf8");
      await handle.write(bytes, 0, bytes.length, state.offset);
      // The records reach the disk before the state that counts them.
      await handle.sync();
      state = { ...state, cursor, offset: state.offset + bytes.length };
      await writeState(statePath, state);
    },
    async finish() {
      state = { ...state, done: true };
      await writeState(statePath, state);
    },
    close: () => handle.close(),
    interruptedMessage: `interrupted: ${file} holds every page up to the last one saved; run the same command with --resume to continue.`,
  };
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
