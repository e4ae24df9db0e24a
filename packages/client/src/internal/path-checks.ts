import { inputError } from "./input-checks.js";
import type { Redact } from "./redact.js";

// The spec's one path parameter, a log's `id` (components.parameters.LogPathID), is a uuid.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The client's `pathSerializer`: fills a path's `{name}` parameters, each checked to be a UUID as
 * the spec says, so no value can change the path (`..`, `/`, `?`, `#` or `%2F` are refused). A
 * missing or malformed value throws `InputError` and nothing is sent; openapi-fetch's own
 * serializer would leave a missing one as `{id}` in the URL.
 *
 * @example pathSerializer("https://example.signalwire.com/api/voice", redact)("https://example.signalwire.com/api/voice/logs/{id}", { id }) // ".../logs/b7182dc2-…"
 */
export function pathSerializer(
  baseUrl: string,
  redact: Redact,
): (url: string, params: Record<string, unknown>) => string {
  const base = baseUrl.replace(/\/$/, "");
  return (url, params) => {
    const start = url.startsWith(base) ? base.length : 0;
    const path = url.slice(start).replace(/\{([^{}]*)\}/g, (_, name: string) => {
      const value = Object.hasOwn(params, name) ? params[name] : undefined;
      if (typeof value !== "string" || !UUID.test(value))
        throw inputError(
          `path.${name}`,
          value,
          'a log id: a UUID like "b7182dc2-00f3-40e4-a5ce-20f164b329df"',
          redact,
        );
      return value;
    });
    return url.slice(0, start) + path;
  };
}
