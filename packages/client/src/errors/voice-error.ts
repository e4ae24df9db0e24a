/**
 * The base class of every error this package (and `@signalwire-voice/pagination`) throws, so one
 * `instanceof` check tells "the Voice client failed" from a bug in your own code.
 *
 * Messages say what failed, what was expected and how to fix it. They never contain the API
 * token or the `Authorization` header: not in `message`, `stack`, `cause`, `toString()`,
 * `JSON.stringify()` or `util.inspect()`.
 *
 * @example
 * ```ts
 * try {
 *   unwrap(await client.GET("/logs"));
 * } catch (error) {
 *   if (error instanceof VoiceError) logger.warn(JSON.stringify(error)); // safe to log
 *   else throw error;
 * }
 * ```
 */
export class VoiceError extends Error {
  // A literal, not `this.constructor.name`: minifiers rename classes.
  override name = "VoiceError";

  /**
   * `fields` become the error's own properties (subclasses `declare` them, to keep them typed).
   * `message` is made an own enumerable property too, rather than by `super`, so that
   * `JSON.stringify(error)` logs it along with `name` and the fields.
   */
  constructor(message: string, fields?: object, options?: ErrorOptions) {
    super(undefined, options);
    Object.assign(this, { message }, fields);
  }
}
