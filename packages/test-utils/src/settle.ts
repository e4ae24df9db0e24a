/**
 * The promise's value or rejection, side by side, so a test can assert on either.
 *
 * @example
 * ```ts
 * const { value, error } = await settle(client.GET("/logs"));
 * expect(error).toBeInstanceOf(TimeoutError);
 * ```
 */
export function settle<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}
