import { describe, expect, it } from "vitest";
import { resolveTimeouts } from "../../src/internal/timeouts.js";

describe("resolveTimeouts", () => {
  it.each([
    [
      {},
      {
        headersTimeout: 10_000,
        requestTimeout: 30_000,
        keepAliveTimeout: 5_000,
        connectionsCheckingInterval: 2_500,
      },
    ],
    [
      { headersTimeout: undefined },
      {
        headersTimeout: 10_000,
        requestTimeout: 30_000,
        keepAliveTimeout: 5_000,
        connectionsCheckingInterval: 2_500,
      },
    ],
    [
      { requestTimeout: 4_000 },
      {
        headersTimeout: 4_000,
        requestTimeout: 4_000,
        keepAliveTimeout: 5_000,
        connectionsCheckingInterval: 1_000,
      },
    ],
    [
      { headersTimeout: 200, requestTimeout: 400, keepAliveTimeout: 100 },
      { headersTimeout: 200, requestTimeout: 400, keepAliveTimeout: 100, connectionsCheckingInterval: 50 },
    ],
    [
      { headersTimeout: 1, requestTimeout: 1 },
      { headersTimeout: 1, requestTimeout: 1, keepAliveTimeout: 5_000, connectionsCheckingInterval: 1 },
    ],
  ])("%j → %j", (options, want) => {
    expect(resolveTimeouts(options)).toEqual(want);
  });

  it.each([
    [
      { headersTimeout: 0 },
      "headersTimeout must be a whole number of milliseconds from 1 to 2147483647; got 0.",
    ],
    [
      { keepAliveTimeout: 2 ** 31 },
      "keepAliveTimeout must be a whole number of milliseconds from 1 to 2147483647; got 2147483648.",
    ],
    [
      { requestTimeout: Number.NaN },
      "requestTimeout must be a whole number of milliseconds from 1 to 2147483647; got null.",
    ],
    [{ headersTimeout: 40_000 }, "headersTimeout (40000) must not be more than requestTimeout (30000)"],
  ])("%j throws a RangeError", (options, message) => {
    expect(() => resolveTimeouts(options)).toThrow(RangeError);
    expect(() => resolveTimeouts(options)).toThrow(message);
  });
});
