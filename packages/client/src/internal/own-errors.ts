/** The errors the client itself throws while an attempt runs, as opposed to those a fetch throws. */
const own = new WeakSet<object>();

/**
 * Marks `error` as the client's own refusal (`RedirectError`, `ResponseTooLargeError`): a final
 * answer, thrown as is. Anything else thrown during an attempt (by a fetch, a custom one
 * included, even one of this package's classes) is a network failure, copied and redacted.
 *
 * @example throw ownError(new RedirectError(message, fields));
 */
export function ownError<T extends object>(error: T): T {
  own.add(error);
  return error;
}

/** Whether `thrown` was marked by {@link ownError}. */
export function isOwnError(thrown: unknown): boolean {
  return typeof thrown === "object" && thrown !== null && own.has(thrown);
}
