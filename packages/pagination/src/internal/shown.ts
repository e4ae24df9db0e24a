/** The most characters of one string a message or an error field shows. */
const MAX_SHOWN = 200;

/**
 * A string as an error shows it: whole if short, else its first 200 characters and its length.
 * Every string from a server or a caller that an error or its message repeats passes here, so a
 * hostile megabyte never becomes a megabyte message.
 *
 * @example shown("x".repeat(1000)) // "xxx…x… (1000 characters)", 200 x's
 */
export function shown(text: string): string {
  return text.length <= MAX_SHOWN ? text : `${text.slice(0, MAX_SHOWN)}… (${text.length} characters)`;
}
