/** How long the server waits for a client, in milliseconds (Node's `http.createServer` options). */
export interface ServerTimeouts {
  /** From connecting (on a kept-alive connection: from the request's first byte) to its last header. */
  headersTimeout: number;
  /** From the same start to the end of the request's body. */
  requestTimeout: number;
  /** How long an idle keep-alive connection stays open. */
  keepAliveTimeout: number;
}

const DEFAULT_TIMEOUTS: ServerTimeouts = {
  headersTimeout: 10_000,
  requestTimeout: 30_000,
  keepAliveTimeout: 5_000,
};

/** setTimeout's own limit: a longer delay would fire at once. */
const MAX_MS = 2 ** 31 - 1;

/**
 * The timeouts to serve with: the options given over the defaults, checked. Without its option,
 * headersTimeout is the default or requestTimeout, whichever is shorter: Node requires it not to
 * be longer. `connectionsCheckingInterval` is how often Node looks for connections past those two
 * (by default every 30 s, which could triple a short timeout); a quarter of headersTimeout, the
 * shorter, closes a stalled connection at most 25 % late.
 *
 * @example
 * ```ts
 * resolveTimeouts({ requestTimeout: 4000 });
 * // { headersTimeout: 4000, requestTimeout: 4000, keepAliveTimeout: 5000, connectionsCheckingInterval: 1000 }
 * ```
 */
export function resolveTimeouts(
  options: {
    [Name in keyof ServerTimeouts]?: number | undefined;
  },
): ServerTimeouts & { connectionsCheckingInterval: number } {
  const requestTimeout = checked("requestTimeout", options.requestTimeout ?? DEFAULT_TIMEOUTS.requestTimeout);
  const headersTimeout = checked(
    "headersTimeout",
    options.headersTimeout ?? Math.min(DEFAULT_TIMEOUTS.headersTimeout, requestTimeout),
  );
  const keepAliveTimeout = checked(
    "keepAliveTimeout",
    options.keepAliveTimeout ?? DEFAULT_TIMEOUTS.keepAliveTimeout,
  );
  if (headersTimeout > requestTimeout) {
    throw new RangeError(
      `headersTimeout (${headersTimeout}) must not be more than requestTimeout (${requestTimeout}): the headers are part of the request.`,
    );
  }
  const connectionsCheckingInterval = Math.max(1, Math.floor(headersTimeout / 4));
  return { headersTimeout, requestTimeout, keepAliveTimeout, connectionsCheckingInterval };
}

function checked(name: keyof ServerTimeouts, value: unknown): number {
  if (!Number.isSafeInteger(value) || (value as number) < 1 || (value as number) > MAX_MS) {
    throw new RangeError(
      `${name} must be a whole number of milliseconds from 1 to ${MAX_MS}; got ${JSON.stringify(value)}.`,
    );
  }
  return value as number;
}
