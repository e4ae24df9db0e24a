// An HTTP-date in its current form, IMF-fixdate: `Sun, 06 Nov 1994 08:49:37 GMT` (RFC 9110 §5.6.7).
const HTTP_DATE = /^[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT$/;

/**
 * The wait a `Retry-After` header asks for, in ms, or `undefined` if there is none or it is
 * unreadable (RFC 9110 §10.2.3: delay-seconds or an HTTP-date). Unreadable means normal
 * backoff, never an immediate retry.
 *
 * @example parseRetryAfter("2") // 2000
 * @example parseRetryAfter("Wed, 21 Oct 2026 07:28:00 GMT", Date.parse("Wed, 21 Oct 2026 07:27:58 GMT")) // 2000
 */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  // delay-seconds: digits only (no sign, fraction or exponent); fetch trims header values.
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // An HTTP-date, to the letter: `Date.parse` alone reads "x 1", "-1" or "1.5" as dates, and a
  // value read wrongly as the past would mean "retry at once".
  const date = HTTP_DATE.test(value) ? Date.parse(value) : Number.NaN;
  // An unreadable value is ignored rather than trusted; a date in the past means "now".
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
