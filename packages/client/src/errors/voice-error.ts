/**
 * The base class of every error this package (and `@signalwire-voice/pagination`) throws, so one
 * `instanceof` check tells "the Voice client failed" from a bug in your own code. (Keep one copy
 * of this package in your app: upgrade `@signalwire-voice/client` and `@signalwire-voice/pagination`
 * together, so that pagination's errors are instances of the same classes.)
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
  /**
   * The class's name, given to its errors as `name` (a literal, not `this.constructor.name`:
   * minifiers rename classes). Each class of this package has its own.
   */
  protected static readonly brand: string = "VoiceError";

  /**
   * `fields` become the error's own properties (subclasses `declare` them, to keep them typed).
   * `name` and `message` are made own enumerable properties too, rather than by `super`, so
   * that `JSON.stringify(error)` logs them along with the fields.
   */
  constructor(message: string, fields?: object, options?: ErrorOptions) {
    super(undefined, options);
    Object.assign(this, { name: new.target.brand, message }, fields);
  }
}
