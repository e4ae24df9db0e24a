/** A uuid in its text form (RFC 9562): any version, hex digits in either case. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * @example
 * ```ts
 * isUuid("B7182DC2-00F3-40E4-A5CE-20F164B329DF"); // true
 * isUuid("b7182dc2-00f3-40e4-a5ce-20f164b329df/events"); // false
 * ```
 */
export const isUuid = (text: string): boolean => UUID.test(text);
