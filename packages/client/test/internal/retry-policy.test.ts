import { describe, expect, it } from "vitest";
import { MAX_RETRY_AFTER_MS, retryDelay } from "../../src/internal/retry-policy.js";

// Backoff that shows which attempt asked: 1000 × attempt.
const backoff = { initialDelayMs: 1_000, maxDelayMs: 1_000_000, random: () => 1 };

describe("retryDelay", () => {
  it.each([
    // method, attempt, maxRetries, status, retryAfterMs → wait (undefined: stop)
    ["GET", 1, 2, 503, undefined, 1_000],
    ["GET", 2, 2, 503, undefined, 2_000],
    ["GET", 3, 2, 503, undefined, undefined], // budget spent
    ["GET", 1, 0, 503, undefined, undefined], // maxRetries 0: never
    ["GET", 1, 2, undefined, undefined, 1_000], // network error or timeout
    ["GET", 1, 2, 408, undefined, 1_000],
    ["GET", 1, 2, 429, undefined, 1_000],
    ["GET", 1, 2, 500, undefined, 1_000],
    ["GET", 1, 2, 502, undefined, 1_000],
    ["GET", 1, 2, 504, undefined, 1_000],
    ["GET", 1, 2, 200, undefined, undefined], // success
    ["GET", 1, 2, 400, undefined, undefined], // final answers
    ["GET", 1, 2, 401, undefined, undefined],
    ["GET", 1, 2, 404, undefined, undefined],
    ["GET", 1, 2, 422, undefined, undefined],
    ["GET", 1, 2, 501, undefined, undefined],
    ["GET", 1, 2, 429, 3_000, 3_000], // Retry-After beats backoff
    ["GET", 1, 2, 503, 0, 0],
    ["GET", 1, 2, 429, MAX_RETRY_AFTER_MS, MAX_RETRY_AFTER_MS],
    ["GET", 1, 2, 429, MAX_RETRY_AFTER_MS + 1, undefined], // longer than we wait: report now
    ["HEAD", 1, 2, 503, undefined, 1_000],
    ["PUT", 1, 2, 503, undefined, 1_000],
    ["DELETE", 1, 2, undefined, undefined, 1_000],
    ["OPTIONS", 1, 2, 503, undefined, 1_000],
    ["POST", 1, 2, 503, undefined, undefined], // not idempotent
    ["POST", 1, 2, undefined, undefined, undefined],
    ["PATCH", 1, 2, 429, 1_000, undefined],
  ] as const)(
    "%s attempt %i of 1+%i, status %j, Retry-After %j ms → %j",
    (method, attempt, maxRetries, status, retryAfterMs, want) => {
      expect(retryDelay(method, attempt, maxRetries, status, retryAfterMs, backoff)).toBe(want);
    },
  );
});
