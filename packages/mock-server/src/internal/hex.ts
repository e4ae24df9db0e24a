const NIBBLES = "0123456789abcdef";
const BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));

/**
 * The lowest `digits` hex digits of `value` (a safe integer ≥ 0), zero-padded. Byte by byte from
 * a table: twice as fast as `toString(16).padStart()`, and a page makes a thousand ids.
 *
 * @example hex(255, 4) // "00ff"
 */
export function hex(value: number, digits: number): string {
  const odd = digits % 2;
  let out = odd ? (NIBBLES[Math.floor(value / 2 ** ((digits - 1) * 4)) % 16] as string) : "";
  for (let shift = (digits - odd - 2) * 4; shift >= 0; shift -= 8)
    out += BYTES[Math.floor(value / 2 ** shift) % 256];
  return out;
}
