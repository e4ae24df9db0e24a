/**
 * `host[:port]` as RFC 9112 §3.2 allows it in a Host header: an IPv6 literal in brackets, or a
 * name or IPv4 address of RFC 3986 reg-name characters (unreserved, %-escapes, sub-delims).
 * Userinfo (`a:b@host`), a path, a query, spaces and non-ASCII bytes are not part of it.
 */
const HOST = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9\-._~%!$&'()*+,;=]+)(?::\d*)?$/;

/**
 * The origin a request was sent to (`http://host:port`), from its Host header, or undefined when
 * the server must answer 400 (RFC 9112 §3.2): no Host, more than one, or one that is not
 * `host[:port]`. `rawHeaders` is Node's flat `[name, value, …]` list: `headers.host` would hide
 * a second Host.
 *
 * @example
 * ```ts
 * originFromHost(["Host", "voice.example:8080"]); // "http://voice.example:8080"
 * originFromHost(["Host", "a:b@127.0.0.1"]); // undefined
 * ```
 */
export function originFromHost(rawHeaders: readonly string[]): string | undefined {
  const hosts = rawHeaders.filter((_value, k) => k % 2 === 1 && rawHeaders[k - 1]?.toLowerCase() === "host");
  const [host] = hosts;
  if (hosts.length !== 1 || host === undefined || !HOST.test(host)) return undefined;
  // The URL parser adds what the grammar cannot say: ports up to 65535, valid IPv6, no %00.
  const origin = URL.canParse(`http://${host}`) ? new URL(`http://${host}`).origin : "null";
  return origin === "null" ? undefined : origin;
}
