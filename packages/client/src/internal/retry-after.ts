/**
 * The wait a `Retry-After` header asks for, in ms, or `undefined` if there is none or it is
 * unreadable (RFC 9110 §10.2.3: delay-seconds or an HTTP-date).
 *
 * @example parseRetryAfter("2") // 2000
 * @example parseRetryAfter("Wed, 21 Oct 2026 07:28:00 GMT", Date.parse("Wed, 21 Oct 2026 07:27:58 GMT")) // 2000
 */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  // delay-seconds: digits only (no sign, fraction or exponent); fetch trims header values.
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // An HTTP-date names its day and month; `Date.parse` alone would read "-1" or "1.5" as years.
  const date = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
  // An unreadable value is ignored rather than trusted; a date in the past means "now".
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
