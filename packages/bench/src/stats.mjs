// @ts-check
// The arithmetic of docs/bench.md: every figure is the median of its samples, shown with its
// spread (min–max) and sample count; a ratio is the median of per-round ratios of two sides
// measured in the same round, so a busy machine slows both alike.

/**
 * @typedef {object} Summary
 * @property {number} median
 * @property {number} min
 * @property {number} max
 * @property {number} n
 */

/**
 * Median, min, max and count of `samples`.
 *
 * @example summarize([3, 1, 2, 10]) // { median: 2.5, min: 1, max: 10, n: 4 }
 * @param {number[]} samples
 * @returns {Summary}
 */
export function summarize(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (/** @type {number} */ index) => sorted[index] ?? Number.NaN;
  const n = sorted.length;
  const middle = Math.floor(n / 2);
  const median = n % 2 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
  return { median, min: at(0), max: at(n - 1), n };
}

/**
 * Round by round, `a[i] / b[i]`: the two sides of one round, measured back to back.
 *
 * @example perRound([2, 4], [1, 2]) // [2, 2]
 * @param {number[]} a
 * @param {number[]} b
 */
export function perRound(a, b) {
  if (a.length !== b.length) throw new Error(`perRound: ${a.length} samples against ${b.length}.`);
  return a.map((value, index) => value / /** @type {number} */ (b[index]));
}
