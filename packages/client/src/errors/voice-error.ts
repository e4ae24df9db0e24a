/**
 * The mark of this package's errors. `Symbol.for`, so that every copy of the package (an app can
 * end up with two: its own and the one `@signalwire-voice/pagination` depends on) shares it.
 */
const MARK: unique symbol = Symbol.for("signalwire-voice-client.error");

/**
 * The base class of every error this package (and `@signalwire-voice/pagination`) throws, so one
 * `instanceof` check tells "the Voice client failed" from a bug in your own code. `instanceof`
 * `VoiceError` (or `ApiError`, `NetworkError`…) also holds for the errors of another copy of this
 * package.
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
   * minifiers rename classes) and compared by `instanceof` across copies. Each class of this
   * package has its own; a string key, so that bundlers can drop a class nobody imports.
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

  /** Marks the errors of every copy of this package; on the prototype, so it is never logged. */
  get [MARK](): true {
    return true;
  }

  /**
   * `error instanceof X`, for `VoiceError` and each of its subclasses: true for an instance of X,
   * and, when X is a class of this package (it has a `brand` of its own), for an error of any copy
   * of this package named like X (any name, for `VoiceError`). Subclasses without a brand of
   * their own (pagination's, yours) get the usual prototype check only.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // `this` is X, the class on the right of `instanceof`: VoiceError or a subclass.
    // biome-ignore lint/complexity/noThisInStatic: named, since it is not always VoiceError
    // biome-ignore lint/complexity/noUselessThisAlias: named, for the three uses below
    const X = this;
    return (
      // The usual check: `value`'s prototype chain.
      Function.prototype[Symbol.hasInstance].call(X, value) ||
      (Object.hasOwn(X, "brand") &&
        !!(value as { [MARK]?: true } | null)?.[MARK] &&
        (X === VoiceError || (value as Error).name === X.brand))
    );
  }
}
