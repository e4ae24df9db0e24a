// @ts-check
// A package's own bench (packages/*/bench/), run with `--json` in the bench's copy (built): its
// tables stream to the terminal as it goes, its last line of stdout is the JSON the figures read.
import { lastJson, measure } from "./measure.mjs";

/**
 * Runs `node <args>` in `copy` and returns the JSON the bench printed last.
 *
 * @example packageBench(copy, ["packages/mock-server/bench/memory.mjs", "--json"]) // { logs: 1000000, pages: 1000, … }
 * @param {string} copy
 * @param {string[]} args
 * @returns {any}
 */
export const packageBench = (copy, args) =>
  lastJson(measure(process.execPath, args, { cwd: copy, live: true }).stdout);

/**
 * `record[key]`, or an error naming what the bench printed instead (its JSON changed shape).
 *
 * @example pick({ raw: [1] }, "raw", "cpu.bench.mjs") // [1]
 * @template T @param {Record<string, T>} record @param {string} key @param {string} where
 * @returns {T}
 */
export function pick(record, key, where) {
  const value = record[key];
  if (value === undefined)
    throw new Error(`bench: ${where} has no "${key}" (has: ${Object.keys(record).join(", ")}).`);
  return value;
}
