import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { streamSink } from "../src/export/output-sink.js";

/**
 * A real Node stream whose reader is driven by the test: `take()` lets it accept the chunk it
 * holds, as a pipe's reader taking bytes would.
 */
function readerStream() {
  const received: Buffer[] = [];
  let pending: (() => void) | undefined;
  const stream = new Writable({
    highWaterMark: 16,
    write(chunk: Buffer, _encoding, callback) {
      pending = () => {
        received.push(chunk);
        callback();
      };
    },
  });
  return {
    stream,
    received: () => Buffer.concat(received).toString(),
    /** Accepts the chunk held, if any; true if there was one. */
    take: () => {
      const accept = pending;
      pending = undefined;
      accept?.();
      return accept !== undefined;
    },
  };
}

const settled = (promise: Promise<unknown>) => {
  let state = "pending";
  promise.then(
    () => (state = "resolved"),
    () => (state = "rejected"),
  );
  return () => state;
};
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("streamSink", () => {
  it("waits for a full stream to drain", async () => {
    const reader = readerStream();
    const append = streamSink(reader.stream).append("a page of records\n");
    const state = settled(append);
    await tick();
    expect(state()).toBe("pending");
    reader.take();
    await append;
    expect(reader.received()).toBe("a page of records\n");
  });

  it("once stopped, writes nothing more: append rejects with the stop's reason", async () => {
    const reader = readerStream();
    const stop = new AbortController();
    const sink = streamSink(reader.stream, stop.signal);
    stop.abort();
    await expect(sink.append("later page\n")).rejects.toMatchObject({ name: "AbortError" });
    expect(reader.stream.writableLength).toBe(0);
  });

  it("stopped during a wait, waits for a reader that is slow but still takes bytes: the page goes out whole", async () => {
    const reader = readerStream();
    const stop = new AbortController();
    const sink = streamSink(reader.stream, stop.signal);
    // Six chunks queued ahead of the page, then the page.
    for (let chunk = 1; chunk <= 6; chunk++) reader.stream.write(`chunk ${chunk}\n`);
    const append = sink.append("the page\n");
    const state = settled(append);
    stop.abort();
    // One chunk every 500 ms: 3 s in all, longer than a stalled reader is waited for, with
    // progress all along. Both clocks run on this event loop: a busy machine slows both alike.
    while (reader.take()) {
      expect(state()).toBe("pending");
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await append;
    expect(reader.received()).toBe("chunk 1\nchunk 2\nchunk 3\nchunk 4\nchunk 5\nchunk 6\nthe page\n");
  });

  it("stopped during a wait, gives up on a reader that takes nothing", async () => {
    const reader = readerStream();
    const stop = new AbortController();
    const append = streamSink(reader.stream, stop.signal).append("a page nobody reads\n");
    stop.abort();
    // Resolves after the stall is seen; the page stays queued in the stream.
    await append;
    expect(reader.stream.writableLength).toBeGreaterThan(0);
    expect(reader.received()).toBe("");
  });
});
