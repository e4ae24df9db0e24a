/** The List Logs parameters; others are ignored, as SignalWire ignores them. */
const KNOWN = new Set([
  "include_deleted",
  "created_before",
  "created_on",
  "created_after",
  "page_number",
  "page_size",
  "page_token",
]);

/**
 * The known parameters of a query string, or undefined when the server cannot tell what was
 * asked (→ 400): broken percent-encoding, or a known parameter given twice — typically a client
 * that appended its own `page_token` to a `links.next` that already had one.
 */
export function parseQuery(search: string): Map<string, string> | undefined {
  const params = new Map<string, string>();
  for (const pair of search.replace(/^\?/, "").split("&")) {
    if (pair === "") continue;
    const equals = pair.indexOf("=");
    const [rawName, rawValue] = equals < 0 ? [pair, ""] : [pair.slice(0, equals), pair.slice(equals + 1)];
    let name: string;
    let value: string;
    try {
      name = decodeURIComponent(rawName.replaceAll("+", " "));
      value = decodeURIComponent(rawValue.replaceAll("+", " "));
    } catch {
      return undefined;
    }
    if (!KNOWN.has(name)) continue;
    if (params.has(name)) return undefined;
    params.set(name, value);
  }
  return params;
}
