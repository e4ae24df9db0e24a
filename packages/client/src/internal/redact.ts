/**
 * `text` with every occurrence of each (non-empty) secret replaced by `[redacted]`.
 *
 * @example redact("Basic cDp0 failed", ["cDp0"]) // "Basic [redacted] failed"
 */
export function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce((safe, secret) => (secret ? safe.split(secret).join("[redacted]") : safe), text);
}

/**
 * The innermost cause of `error` (`fetch failed` → `connect ECONNREFUSED …`), copied as a plain
 * Error (name, message, `code`) with every secret redacted. Errors from a fetch implementation
 * may carry anything, the request included; the copy carries only text.
 */
export function safeCause(error: unknown, secrets: readonly string[]): Error & { code?: string } {
  let root = error as Error & { code?: string };
  while (root?.cause instanceof Error) root = root.cause as typeof root;
  const copy: Error & { code?: string } = new Error(redact(`${root?.message ?? root}`, secrets));
  copy.name = root?.name ?? "Error";
  if (typeof root?.code === "string") copy.code = root.code;
  return copy;
}
