import { describe, expect, it } from "vitest";
import { PaginationLoopError } from "../../src/index.js";
import type { PageRequest } from "../../src/internal/cursor.js";
import { type Fetched, pageLoop } from "../../src/internal/page-loop.js";

interface TestPage {
  index: number;
  cursor: string;
}

/**
 * A list of `pages` pages whose fetches the test answers one by one: it sees exactly which
 * requests are in flight, with no server and no clock. Page `i` links to page `linkOf(i)`
 * (default: `i + 1`, none after the last).
 */
function controlledList(pages: number, linkOf = (index: number) => index + 1) {
  const inFlight: { index: number; answer: () => void; signal: AbortSignal }[] = [];
  let started = 0;
  const request = (index: number): PageRequest => ({
    path: "/p",
    query: { index },
    at: `/p?i=${index}`,
    cursor: `/p?i=${index}`,
    key: `${index}`,
  });
  const fetchPage = (page: PageRequest, signal: AbortSignal) =>
    new Promise<Fetched<TestPage>>((resolve) => {
      started++;
      const index = page.query.index as number;
      const next = index + 1 < pages ? request(linkOf(index)) : undefined;
      inFlight.push({ index, signal, answer: () => resolve([{ index, cursor: "" }, next]) });
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
        let result: IteratorResult<TestPage> | undefined;
        void next.then((value) => {
          result = value;
        });
        while (!result) {
          expect(list.inFlight.length).toBeLessThanOrEqual(1);
          await list.answer();
        }
        if (result.done) break;
        handed.push(result.value.index);
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
    expect((await first).value).toEqual({ index: 0, cursor: "/p?i=1" });
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

  /** Runs a loop to its end, answering every request: the pages handed over, then its error if any. */
  async function drain(loop: AsyncGenerator<TestPage>, list: ReturnType<typeof controlledList>) {
    const handed: TestPage[] = [];
    for (;;) {
      let result: { value?: IteratorResult<TestPage>; error?: unknown } | undefined;
      void loop.next().then(
        (value) => {
          result = { value };
        },
        (error: unknown) => {
          result = { error };
        },
      );
      while (!result) await list.answer();
      if (!result.value) return { handed, error: result.error };
      if (result.value.done) return { handed };
      handed.push(result.value.value);
    }
  }

  it.each([0, 1, 3])(
    "prefetch %i: a page that links to itself is handed over, last and with no cursor; then the error, with none either",
    async (prefetch) => {
      const list = controlledList(10, (index) => (index === 3 ? 3 : index + 1));
      const { handed, error } = await drain(pageLoop(list.first, list.fetchPage, prefetch), list);
      expect(handed).toEqual([
        { index: 0, cursor: "/p?i=1" },
        { index: 1, cursor: "/p?i=2" },
        { index: 2, cursor: "/p?i=3" },
        { index: 3, cursor: "/p?i=3#loop" },
      ]);
      expect(error).toBeInstanceOf(PaginationLoopError);
      expect(error).toMatchObject({ message: "paginate: next link loops back to /p?i=3." });
      // An own `cursor`, like every error of a walk: the looping page's loop cursor.
      expect(Object.hasOwn(error as object, "cursor")).toBe(true);
      expect((error as PaginationLoopError).cursor).toBe("/p?i=3#loop");
      // Nothing is fetched for the looping link.
      expect(list.started()).toBe(4);
    },
  );

  it("a link back to the page before is caught at once too", async () => {
    const list = controlledList(10, (index) => (index === 5 ? 4 : index + 1));
    const { handed, error } = await drain(pageLoop(list.first, list.fetchPage, 0), list);
    expect(handed.map((page) => [page.index, page.cursor])).toEqual([
      [0, "/p?i=1"],
      [1, "/p?i=2"],
      [2, "/p?i=3"],
      [3, "/p?i=4"],
      [4, "/p?i=5"],
      [5, "/p?i=4#loop"],
    ]);
    expect(error).toBeInstanceOf(PaginationLoopError);
    expect(list.started()).toBe(6);
  });

  it.each([
    // [the page that links back, the page it links to]
    [0, 0],
    [5, 0],
    [7, 2],
    [8, 1],
  ])(
    "page %i linking back to page %i: caught at its first repeat, each page handed over once",
    async (from, to) => {
      const list = controlledList(10, (index) => (index === from ? to : index + 1));
      const { handed, error } = await drain(pageLoop(list.first, list.fetchPage, 1), list);
      expect(handed.map((page) => page.index)).toEqual(Array.from({ length: from + 1 }, (_, index) => index));
      expect(handed.at(-1)?.cursor).toBe(`/p?i=${to}#loop`);
      expect(error).toBeInstanceOf(PaginationLoopError);
      expect(list.started()).toBe(from + 1);
    },
  );

  it("the last page's cursor is an end cursor", async () => {
    const list = controlledList(3);
    const { handed, error } = await drain(pageLoop(list.first, list.fetchPage, 0), list);
    expect(handed.map((page) => page.cursor)).toEqual(["/p?i=1", "/p?i=2", "/p?i=2#end"]);
    expect(error).toBeUndefined();
  });

  it("from a request an end cursor named: nothing fetched, nothing handed over", async () => {
    const list = controlledList(3);
    const { handed, error } = await drain(
      pageLoop({ ...list.first, cursor: "/p?i=2#end", ended: "end" }, list.fetchPage, 1),
      list,
    );
    expect([handed, error, list.started()]).toEqual([[], undefined, 0]);
  });

  it("from a request a loop cursor named: nothing fetched, PaginationLoopError with that cursor", async () => {
    const list = controlledList(3);
    const { handed, error } = await drain(
      pageLoop({ ...list.first, cursor: "/p?i=2#loop", ended: "loop" }, list.fetchPage, 1),
      list,
    );
    expect(handed).toEqual([]);
    expect(error).toBeInstanceOf(PaginationLoopError);
    expect((error as PaginationLoopError).cursor).toBe("/p?i=2#loop");
    expect(list.started()).toBe(0);
  });

  it("the loop wins over maxPages on the looping page: MaxPagesError's cursor would lead back into it", async () => {
    const list = controlledList(10, (index) => (index === 3 ? 3 : index + 1));
    const { handed, error } = await drain(pageLoop(list.first, list.fetchPage, 0, 4), list);
    expect(handed).toHaveLength(4);
    expect(error).toBeInstanceOf(PaginationLoopError);
    expect((error as PaginationLoopError).cursor).toBe("/p?i=3#loop");
  });

  it("a failure that is no object (a thrown string) passes through unchanged", async () => {
    const loop = pageLoop(
      { path: "/p", query: {}, at: "/p?i=0", cursor: "/p?i=0", key: "0" },
      () => Promise.reject("down"),
      0,
    );
    await expect(loop.next()).rejects.toBe("down");
  });

  it("a frozen error passes through unchanged, without a cursor", async () => {
    const frozen = Object.freeze(new Error("frozen"));
    const loop = pageLoop(
      { path: "/p", query: {}, at: "/p?i=0", cursor: "/p?i=0", key: "0" },
      () => Promise.reject(frozen),
      0,
    );
    await expect(loop.next()).rejects.toBe(frozen);
    expect("cursor" in frozen).toBe(false);
  });
});
