// @ts-check
// What one `pnpm bench` run measures, how many rounds of each, and where it writes, from its
// command line.
import { resolve } from "node:path";
import { parseArgs } from "node:util";

/** Every section, in the order the bench runs them and docs/bench.md shows them. */
export const sections = [
  "pipeline",
  "scale",
  "client",
  "contract",
  "pagination",
  "export",
  "server",
  "sizes",
];

// Rounds per section: enough for a median and a spread within the 10-minute budget on 2 noisy
// cores. Pagination's walks dominate (1 000 000 logs take ~15 s a walk): one memory round; the
// export's million-log run is one too.
const fullRounds = {
  pipeline: 3,
  cached: 3,
  scale: 2,
  client: 20,
  clientCpu: 30,
  contract: 30,
  paginationCpu: 9,
  pagination: 3,
  paginationMemory: 1,
  exportLatency: 3,
  exportLocal: 5,
};
/** One round of everything (a few more where a median needs them), to try the bench. */
const quickRounds = {
  pipeline: 1,
  cached: 1,
  scale: 1,
  client: 3,
  clientCpu: 3,
  contract: 3,
  paginationCpu: 2,
  pagination: 1,
  paginationMemory: 1,
  exportLatency: 1,
  exportLocal: 1,
};

/**
 * @typedef {object} BenchOptions
 * @property {Set<string>} only     the sections to measure
 * @property {boolean} quick
 * @property {boolean} keep         leave the copy of the repo in place for a look
 * @property {string | undefined} out absolute; undefined: a new temporary folder
 * @property {typeof fullRounds} rounds
 */

/**
 * @example
 * benchOptions(["--only", "sizes", "--out", "try"], { cwd: "/work/main/docs", docs: "/work/main/docs" })
 * // { only: Set { "sizes" }, quick: false, keep: false, out: "/work/main/docs/try", rounds: { pipeline: 3, … } }
 * @param {string[]} args
 * @param {{ cwd: string; docs: string }} where cwd: what a relative `--out` is relative to;
 *   docs: where a complete run writes by default
 * @returns {BenchOptions}
 */
export function benchOptions(args, { cwd, docs }) {
  const { values } = parseArgs({
    // pnpm hands a `--` after the script's name on to it (`pnpm --filter … bench -- --quick`).
    args: args[0] === "--" ? args.slice(1) : args,
    options: {
      only: { type: "string", default: sections.join(",") },
      out: { type: "string" },
      quick: { type: "boolean", default: false },
      keep: { type: "boolean", default: false },
    },
  });
  const only = new Set(String(values.only).split(","));
  const unknown = [...only].filter((section) => !sections.includes(section));
  if (unknown.length) {
    throw new Error(`bench: unknown --only ${unknown.join(",")} (known: ${sections.join(",")}).`);
  }
  const quick = values.quick === true;
  // Only a complete, full-length run replaces docs/bench.md; a partial or quick one goes elsewhere.
  const complete = !quick && sections.every((section) => only.has(section));
  return {
    only,
    quick,
    keep: values.keep === true,
    out: values.out !== undefined ? resolve(cwd, values.out) : complete ? docs : undefined,
    rounds: quick ? quickRounds : fullRounds,
  };
}
