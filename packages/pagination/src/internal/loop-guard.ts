/**
 * Spots a key seen before, in constant memory (Brent's cycle detection): a key equal to the one
 * just before it at once, a longer cycle within about twice (where it starts + its length) keys.
 * A set of every key would find it sooner but grow with the list, against the walk's promise of
 * flat memory.
 *
 * @example
 * const seen = loopGuard("a");
 * [seen("b"), seen("c"), seen("c")] // [false, false, true]
 */
export function loopGuard(first: string | undefined): (key: string | undefined) => boolean {
  let last = first;
  let saved = first;
  let count = 0;
  return (key) => {
    if (key === last || key === saved) return true;
    last = key;
    // Saved anew at the 1st, 2nd, 4th, 8th… key: a cycle no longer than the gap comes back to it.
    if ((++count & (count - 1)) === 0) saved = key;
    return false;
  };
}
