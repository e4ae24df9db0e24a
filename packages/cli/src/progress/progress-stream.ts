/**
 * Where a progress display writes: `process.stderr`, or anything with `write(text)`. `isTTY`,
 * `columns` and `rows` are read when present, as a terminal stream has them.
 *
 * @example
 * ```ts
 * const stream: ProgressStream = process.stderr;
 * ```
 */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
  columns?: number | undefined;
  rows?: number | undefined;
}

/**
 * A stream that never throws: the first failed write (a closed pipe, a full disk) turns every
 * later write into a no-op, so a broken stderr cannot fail an export.
 *
 * @example
 * ```ts
 * const out = safeStream(process.stderr);
 * out.write("signalwire-voice: …\n"); // never throws
 * ```
 */
export interface SafeStream {
  write(text: string): void;
  readonly isTTY: boolean;
  readonly columns: number | undefined;
  readonly rows: number | undefined;
}

/**
 * Wraps `stream` into a `SafeStream`.
 *
 * @example
 * ```ts
 * const out = safeStream(process.stderr);
 * ```
 */
export function safeStream(stream: ProgressStream): SafeStream {
  let broken = false;
  // A Node stream reports a failed write (EPIPE once the reader is gone) as an `error` event
  // after `write` returned: unheard, that event would crash the process. The listener stays
  // attached, since the error of the very last write arrives after the export has finished.
  const emitter = stream as { on?: unknown };
  if (typeof emitter.on === "function") {
    emitter.on.call(stream, "error", () => {
      broken = true;
    });
  }
  return {
    write(text) {
      if (broken) return;
      try {
        stream.write(text);
      } catch {
        broken = true;
      }
    },
    // Getters: a terminal's size changes while an export runs.
    get isTTY() {
      return stream.isTTY === true;
    },
    get columns() {
      return stream.columns;
    },
    get rows() {
      return stream.rows;
    },
  };
}
