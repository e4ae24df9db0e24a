/**
 * A pattern that finds each secret however it is written: as is, or with any of its characters
 * escaped the way JSON (`\"`, `\\`, `\/`, `\u0022`) or a URL (`%22`) writes it, since servers that
 * echo a request echo it in JSON or in a link. Hex digits come in either case, so the match
 * ignores case: a case variant of a secret is redacted too, which is too much rather than too
 * little. Secrets are printable ASCII (options.ts checks), so each character is two hex digits.
 *
 * @example secretPattern(['a"b']).source // the three characters, each as itself, \-escaped, \u00XX or %XX
 */
export function secretPattern(secrets: readonly string[]): RegExp {
  const alternatives = secrets.map((secret) =>
    secret.replace(/./g, (char) => {
      const hex = char.charCodeAt(0).toString(16);
      return `(\\\\?\\x${hex}|(\\\\u00|%)${hex})`;
    }),
  );
  return new RegExp(alternatives.join("|"), "gi");
}

/**
 * `text` with every match of `secrets` (a `secretPattern`) replaced by `[redacted]`.
 *
 * @example redact('{"error":"bad token a\\"b"}', secretPattern(['a"b'])) // '{"error":"bad token [redacted]"}'
 */
export function redact(text: string, secrets: RegExp): string {
  return text.replace(secrets, "[redacted]");
}

/**
 * The innermost cause of `error` (`fetch failed` → `connect ECONNREFUSED …`), copied as a plain
 * Error (name, message, `code`) with every secret redacted. Errors from a fetch implementation
 * may carry anything, the request included; the copy carries only text.
 */
export function safeCause(error: unknown, secrets: RegExp): Error & { code?: string } {
  let root = error as Error & { code?: string };
  while (root?.cause instanceof Error) root = root.cause as typeof root;
  return Object.assign(
    new Error(redact(`${root?.message ?? root}`, secrets)),
    { name: root?.name ?? "Error" },
    typeof root?.code === "string" && { code: root.code },
  );
}
