/**
 * `error` with the client's redaction applied to every string it exposes: its message, its
 * stack and each field. Errors a walk builds from what a server or a caller gave (a URL, a
 * cursor, a link) pass here, so the client's credentials are never repeated by pagination.
 * (The client's own errors come redacted already.) Primitives and frozen errors pass unchanged.
 *
 * @example throw scrub(error, redactorOf(client));
 */
export function scrub<T>(error: T, redact: (text: string) => string): T {
  if (typeof error !== "object" || error === null || !Object.isExtensible(error)) return error;
  const fields = error as Record<string, unknown>;
  for (const key of [...Object.keys(fields), "message", "stack"]) {
    const value = fields[key];
    if (typeof value === "string") {
      const safe = redact(value);
      if (safe !== value) fields[key] = safe;
    }
  }
  return error;
}
