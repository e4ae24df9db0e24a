import { PARAMETERS } from "../generated/parameters.js";
import { expectedOf, inputError, type ParameterRule } from "./input-checks.js";
import type { Redact } from "./redact.js";

/**
 * The client's `pathSerializer`: fills a path's `{name}` parameters, each checked against the
 * spec's rule (`rules`, the generated table: the log `id` is a uuid) and percent-encoded, so no
 * value can change the path. A parameter the spec does not know must be a string other than
 * "", "." and "..". A missing or malformed value throws `InputError` and nothing is sent;
 * openapi-fetch's own serializer would leave a missing one as `{id}` in the URL.
 *
 * @example pathSerializer("https://example.signalwire.com/api/voice", redact)("https://example.signalwire.com/api/voice/logs/{id}", { id }) // ".../logs/b7182dc2-…"
 */
export function pathSerializer(
  baseUrl: string,
  redact: Redact,
  rules: Readonly<Record<string, ParameterRule>> = PARAMETERS.path,
): (url: string, params: Record<string, unknown>) => string {
  const base = baseUrl.replace(/\/$/, "");
  return (url, params) => {
    const start = url.startsWith(base) ? base.length : 0;
    const path = url.slice(start).replace(/\{([^{}]*)\}/g, (_, name: string) => {
      const value = Object.hasOwn(params, name) ? params[name] : undefined;
      const rule = Object.hasOwn(rules, name) ? rules[name] : undefined;
      const expected = rule
        ? expectedOf(rule, value)
        : typeof value === "string" && !/^\.{0,2}$/.test(value)
          ? undefined
          : 'a string other than "", "." and ".."';
      if (expected !== undefined) throw inputError(`path.${name}`, value, expected, redact);
      return encodeURIComponent(value as string);
    });
    return url.slice(0, start) + path;
  };
}
