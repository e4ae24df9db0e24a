import { describe, expect, it } from "vitest";
import type { PageRequest } from "../../src/internal/cursor.js";
import { type Fetched, pageLoop } from "../../src/internal/page-loop.js";

/**
 * A list of `pages` pages whose fetches the test answers one by one: it sees exactly which
 * requests are in flight, with no server and no clock.
 */
function controlledList(pages: number) {
  const inFlight: { index: number; answer: () => void; signal: AbortSignal }[] = [];
  let started = 0;
  const request = (index: number): PageRequest => ({
    query: { index },
    cursor: `/p?i=${index}`,
    key: `${index}`,
  });
  const fetchPage = (page: PageRequest, signal: AbortSignal) =>
    new Promise<Fetched<number>>((resolve) => {
      started++;
      const index = page.query.index as number;
      inFlight.push({
        index,
        signal,
        answer: () => resolve([index, index + 1 < pages ? request(index + 1) : undefined]),
      });
    });
  /** Answers the oldest request in flight, and lets the loop react. */
  const answer = async () => {
    inFlight.shift()?.answer();
    for (let turn = 0; turn < 10; turn++) await Promise.resolve();
  };
  return { first: request(0), fetchPage, inFlight, answer, started: () => started };
}

describe("pageLoop", () => {
  it.each([0, 1, 2, 4])(
    "prefetch %i: fetches one at a time, at most `prefetch` beyond the page handed over, and no further",
    async (prefetch) => {
      const list = controlledList(10);
      const loop = pageLoop(list.first, list.fetchPage, prefetch);
      const handed: number[] = [];
      let next = loop.next();
      for (;;) {
        // Answer everything the loop asks for until it hands a page over.
        let result: IteratorResult<number> | undefined;
        void next.then((value) => {
          result = value;
        });
        while (!result) {
          expect(list.inFlight.length).toBeLessThanOrEqual(1);
          await list.answer();
        }
        if (result.done) break;
        handed.push(result.value);
        // While the caller holds this page, the loop runs ahead `prefetch` pages, then waits.
        for (let ahead = 0; ahead < prefetch + 2; ahead++) await list.answer();
        expect(list.started()).toBe(Math.min(handed.length + prefetch, 10));
        next = loop.next();
      }
      expect(handed).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(list.started()).toBe(10);
    },
  );

  it("stopping early aborts the request in flight, and starts none after it", async () => {
    const list = controlledList(10);
    const loop = pageLoop(list.first, list.fetchPage, 1);
    const first = loop.next();
    await list.answer();
    expect((await first).value).toBe(0);
    expect(list.inFlight.map((request) => request.index)).toEqual([1]);
    const signal = list.inFlight[0]?.signal;
    await loop.return();
    expect(signal?.aborted).toBe(true);
    await list.answer();
    expect(list.started()).toBe(2);
  });

  it("a caller's signal reaches every fetch", async () => {
    const list = controlledList(2);
    const caller = new AbortController();
    const loop = pageLoop(list.first, list.fetchPage, 0, undefined, caller.signal);
    const first = loop.next();
    caller.abort();
    expect(list.inFlight[0]?.signal.aborted).toBe(true);
    await list.answer();
    await first;
    await loop.return();
  });

  it("a failure that is no object (a thrown string) passes through unchanged", async () => {
    const loop = pageLoop({ query: {}, cursor: "/p?i=0" }, () => Promise.reject("down"), 0);
    await expect(loop.next()).rejects.toBe("down");
  });

  it("a frozen error passes through unchanged, without a cursor", async () => {
    const frozen = Object.freeze(new Error("frozen"));
    const loop = pageLoop({ query: {}, cursor: "/p?i=0" }, () => Promise.reject(frozen), 0);
    await expect(loop.next()).rejects.toBe(frozen);
    expect("cursor" in frozen).toBe(false);
  });
});
