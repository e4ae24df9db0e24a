/**
 * Where an export's records go, page by page: FILE with its state file, or stdout.
 *
 * @example
 * ```ts
 * await target.write(`${JSON.stringify(log)}\n`, page.cursor);
 * ```
 */
export interface ExportTarget {
  /** Where the walk starts: the cursor after the last page written, or undefined for the first page. */
  readonly cursor: string | undefined;
  /** Writes one page's records, then saves `cursor` as the point the walk has reached. */
  write(records: string, cursor: string): Promise<void>;
  /** Marks the export complete. */
  finish(): Promise<void>;
  close(): Promise<void>;
  /** What to tell someone who stopped the export half way. */
  readonly interruptedMessage: string;
}

/** Something to write text to, like `process.stdout`; a `once` lets a full pipe be waited for. */
interface Writable {
  write(text: string): unknown;
  once?: (event: "drain", listener: () => void) => unknown;
}

/**
 * An export to stdout: no state, no resume. A full pipe is waited for, so memory stays one page.
 *
 * @example const target = stdoutTarget(process.stdout);
 */
export function stdoutTarget(stdout: Writable): ExportTarget {
  return {
    cursor: undefined,
    async write(records) {
      if (records === "" || stdout.write(records) !== false || typeof stdout.once !== "function") return;
      const once = stdout.once.bind(stdout);
      await new Promise<void>((resolve) => once("drain", resolve));
    },
    async finish() {},
    async close() {},
    interruptedMessage:
      "interrupted: stdout holds the pages written so far (an export to stdout cannot be resumed; use --out FILE for that).",
  };
}
