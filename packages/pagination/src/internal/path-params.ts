import { InputError } from "@signalwire-voice/client";
import { shown } from "./shown.js";

/** A path parameter in a path template: `{id}`. */
const PARAM = /\{([^{}]*)\}/g;

/**
 * The path a walk's requests go to: `template` with each `{name}` filled in as openapi-fetch's
 * default path serializer fills it (`encodeURIComponent`), so `a/b`, `?q`, `#x` and `%2F` stay
 * inside one segment. The client fills in its own requests from the same `params` (and
 * `paginate()` checks that it sent this path): this is the path cursors name and next links must
 * keep. A value that would still move the request elsewhere, or put a secret in a URL, throws
 * `InputError` before anything is sent.
 *
 * @example fillPath("/api/fabric/resources/{id}/addresses", { id: "a/b" }, redact) // "/api/fabric/resources/a%2Fb/addresses"
 */
export function fillPath(
  template: string,
  params: Record<string, unknown> | undefined,
  redact: (text: string) => string,
): string {
  return template.replace(PARAM, (_, name: string) => {
    const value = params?.[name];
    const text = String(value);
    // A string or a number, as the spec's path parameters are: anything else (missing, an
    // object…) has no one way to be a segment.
    // "", "." and "..": segments a URL drops or climbs out of, which would change the path.
    // The client's credentials: servers and proxies log URLs.
    if (
      (typeof value !== "string" && typeof value !== "number") ||
      /^\.{0,2}$/.test(text) ||
      redact(text) !== text
    ) {
      throw new InputError(
        `paginate: path.${name} must be a string or number other than "", "." and "..", and no credential; got ${shown(typeof value === "string" ? JSON.stringify(value) : text)}.`,
        { field: `path.${name}` },
      );
    }
    return encodeURIComponent(text);
  });
}

/**
 * The path and path parameters a cursor names, read against `template`: each `{name}` one
 * segment, percent-decoded. `undefined` if the cursor's path is not the template's, or spells a
 * parameter otherwise than {@link fillPath} does (a cursor names one path, one way). A decoded
 * value `fillPath` refuses throws its `InputError`.
 *
 * @example readPath("/things/{id}/parts", "/things/a%2Fb/parts?page_token=2", redact) // ["/things/a%2Fb/parts", { id: "a/b" }]
 */
export function readPath(
  template: string,
  cursor: string,
  redact: (text: string) => string,
): [path: string, params: Record<string, string>] | undefined {
  const names: string[] = [];
  // The template as a pattern: each parameter one segment, anything else itself, then the query.
  const pattern = template.replace(/\{([^{}]*)\}|\W/g, (text, name?: string) => {
    if (name === undefined) return `\\${text}`;
    names.push(name);
    return "([^/?#]*)";
  });
  const match = new RegExp(`^${pattern}(?=\\?)`).exec(cursor);
  if (!match) return undefined;
  // No prototype: a parameter named `constructor` is a parameter like any other.
  const params: Record<string, string> = Object.create(null);
  try {
    names.forEach((name, index) => {
      params[name] = decodeURIComponent(match[index + 1] as string);
    });
  } catch {
    // A broken escape (`%E0%A4%A`): no cursor paginate gave.
    return undefined;
  }
  const [path] = match;
  return fillPath(template, params, redact) === path ? [path, params] : undefined;
}
