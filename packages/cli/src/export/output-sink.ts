import type { FileHandle } from "node:fs/promises";

/**
 * Where an export's records end up, in order: FILE or stdout. Windows after the head wait in part
 * files and are appended here when their turn comes.
 *
 * @example await sink.append(Buffer.from(records));
 */
export interface OutputSink {
  /** Appends `bytes` after everything written so far. */
  append(bytes: Buffer): Promise<void>;
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
    async append(bytes) {
      await writeAll(handle, bytes, end);
      end += bytes.length;
    },
    sync: () => handle.sync(),
  };
}

/** Something to write to, like `process.stdout`; a `once` lets a full pipe be waited for. */
export interface Writable {
  write(chunk: string | Uint8Array): unknown;
  once?: ((event: "drain", listener: () => void) => unknown) | undefined;
}

/**
 * stdout: a full pipe is waited for, so memory holds one page.
 *
 * @example const sink = streamSink(process.stdout);
 */
export function streamSink(stream: Writable): OutputSink {
  return {
    async append(bytes) {
      if (bytes.length === 0 || stream.write(bytes) !== false || typeof stream.once !== "function") return;
      const once = stream.once.bind(stream);
      await new Promise<void>((resolve) => once("drain", resolve));
    },
    async sync() {},
  };
}

/**
 * Writes all of `bytes` at `position`: one `write` may write fewer bytes than asked.
 *
 * @example await writeAll(handle, Buffer.from("{}\n"), 0);
 */
export async function writeAll(handle: FileHandle, bytes: Buffer, position: number): Promise<void> {
  let written = 0;
  while (written < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, written, bytes.length - written, position + written);
    written += bytesWritten;
  }
}
