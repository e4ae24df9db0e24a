/** Keys longer than this (only a hostile server's links make them) are kept as a hash. */
const MAX_KEY = 100;

/**
 * What spots the same page asked twice in a walk, however its link spelled it. One rule a line;
 * a walk keeps one key per page, so each stays short.
 *
 * @example keyOf(new URLSearchParams("page_size=10&page_number=0")) // '[["page_size","10"]]', as for "page_size=10"
 */
export function keyOf(params: URLSearchParams): string {
  const entries = [...params];
  const tokens = entries.filter(([name]) => name === "page_token");
  // A page token names a position: the same token is the same page, whatever page_number says.
  // Without one, the whole query names the page, and page_number 0 is the first page, as is none.
  const kept =
    tokens.length > 0 ? tokens : entries.filter(([name, value]) => name !== "page_number" || value !== "0");
  // The same parameters in another order, or encoded otherwise, are the same request. (JSON:
  // one flat string, where a query string built by `+=` would be a chain of pieces in memory.)
  const key = JSON.stringify(kept.sort(byNameThenValue));
  // A long key is kept as a 53-bit hash ("#…", where JSON starts with "["): two different pages
  // share one with a chance of about pages² / 2⁵⁴, which would stop the walk early, never loop it.
  return key.length > MAX_KEY ? `#${hash53(key).toString(36)}` : key;
}

function byNameThenValue([a, x]: [string, string], [b, y]: [string, string]): number {
  if (a !== b) return a < b ? -1 : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** cyrb53 (by bryc, public domain): a fast 53-bit string hash. Not for secrets. */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
