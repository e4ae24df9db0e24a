import type { FileHandle } from "node:fs/promises";

/**
 * Where an export's records end up, in order: FILE or stdout. Windows after the head wait in part
 * files and are appended here when their turn comes.
 *
 * @example await sink.append(records);
 */
export interface OutputSink {
  /**
   * Appends text (as UTF-8) or bytes after everything written so far. The bytes may be reused
   * once the promise settles.
   */
  append(chunk: string | Uint8Array): Promise<void>;
  /** Makes what was appended durable before the state that counts it is saved (FILE: fsync). */
  sync(): Promise<void>;
}

/**
 * FILE, appended to from byte `offset` on.
 *
 * @example const sink = fileSink(handle, state.offset);
 */
export function fileSink(handle: FileHandle, offset: number): OutputSink {
  let end = offset;
  return {
    async append(chunk) {
      end += await writeAt(handle, chunk, end);
    },
    sync: () => handle.sync(),
  };
}

/** Something to write to, like `process.stdout`; a `once` lets a full pipe be waited for. */
export interface Writable {
  write(chunk: string | Uint8Array): unknown;
  once?: ((event: "drain", listener: () => void) => unknown) | undefined;
  off?: ((event: "drain", listener: () => void) => unknown) | undefined;
  /** Bytes given to `write` and not yet out: how a stop tells a slow reader from a stopped one. */
  readonly writableLength?: number | undefined;
}

/**
 * How long a stopped export waits for a reader of stdout that takes nothing at all: a slow one
 * (`| gzip`, `| ssh`) gets its last page whole; one that stopped reading (a paused `| less`)
 * does not hold up the exit.
 */
export const STALLED_READER_MS = 2000;

/**
 * stdout: a full pipe is waited for, so memory holds one page. Once `signal` aborts, nothing more
 * is written (`append` throws the abort reason), and the page under way is waited for only while
 * the reader takes bytes: a reader that took none for {@link STALLED_READER_MS} is given up on.
 *
 * @example const sink = streamSink(process.stdout, signal);
 */
export function streamSink(stream: Writable, signal?: AbortSignal): OutputSink {
  return {
    async append(chunk) {
      if (chunk.length === 0) return;
      signal?.throwIfAborted();
      // A stream holds on to the bytes it is given until they are out: they get a copy.
      if (stream.write(typeof chunk === "string" ? chunk : Buffer.from(chunk)) !== false) return;
      if (typeof stream.once === "function") await drained(stream, signal);
    },
    async sync() {},
  };
}

/** Resolves on `drain`, or once `signal` has aborted and the reader has stalled. */
function drained(stream: Writable, signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve) => {
    let watch: ReturnType<typeof setInterval> | undefined;
    const done = () => {
      clearInterval(watch);
      stream.off?.("drain", done);
      signal?.removeEventListener("abort", stopped);
      resolve();
    };
    const stopped = () => {
      if (stream.writableLength === undefined) return done();
      let left = stream.writableLength;
      watch = setInterval(() => {
        const now = stream.writableLength ?? 0;
        if (now >= left) done();
        left = now;
      }, STALLED_READER_MS);
    };
    stream.once?.("drain", done);
    if (signal?.aborted) stopped();
    else signal?.addEventListener("abort", stopped, { once: true });
  });
}

/**
 * Writes all of `chunk` (text as UTF-8) at `position` and resolves to its length in bytes. Text
 * goes to the file without a Buffer of its own: a page's worth of garbage less per write.
 *
 * @example await writeAt(handle, "{}\n", 0) // 3
 */
export async function writeAt(
  handle: FileHandle,
  chunk: string | Uint8Array,
  position: number,
): Promise<number> {
  if (typeof chunk === "string") {
    const length = Buffer.byteLength(chunk, "utf8");
    const { bytesWritten } = await handle.write(chunk, position, "utf8");
    // One `write` may write less than asked: the rest, as bytes.
    if (bytesWritten < length)
      await writeAt(handle, Buffer.from(chunk, "utf8").subarray(bytesWritten), position + bytesWritten);
    return length;
  }
  for (let written = 0; written < chunk.length; ) {
    written += (await handle.write(chunk, written, chunk.length - written, position + written)).bytesWritten;
  }
  return chunk.length;
}
