// @ts-check
// Mock server figures: its memory over a long walk, from its own bench in the bench's copy
// (packages/mock-server/bench/memory.mjs).
import { packageBench } from "./package-bench.mjs";

/** @typedef {import("./report.mjs").Figure} Figure */

/**
 * The server's own bench, and its control (the first page, as many times): the same growth in
 * both is V8 sizing its heap to the request rate, not memory kept per log. No goal:
 * the mock server is a test tool with no memory budget, so the page shows these for reference.
 * @param {string} copy @returns {Figure[]}
 */
export function serverFigures(copy) {
  const section = "Mock server: its memory while a client pages through 1 000 000 logs (one run each)";
  return ["", "--control"].map((control) => {
    /** @type {{ logs: number; pages: number; end: { peak: number }; samples: Array<{ peak: number }> }} */
    const walk = packageBench(copy, [
      "packages/mock-server/bench/memory.mjs",
      "--json",
      ...(control ? [control] : []),
    ]);
    const tenth = walk.samples[0]?.peak ?? Number.NaN;
    return {
      id: `mock-server.memory${control ? ".control" : ""}`,
      section,
      label: control
        ? `control: the first page, ${walk.pages} times: server peak RSS at the end`
        : `every log once, ${walk.pages} pages of 1000: server peak RSS after the last`,
      unit: "MiB",
      samples: [walk.end.peak],
      ratio: { label: "end vs after 10% of the pages", samples: [walk.end.peak / tenth] },
    };
  });
}
