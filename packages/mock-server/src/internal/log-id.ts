import { hash32 } from "./hash.js";
import { hex } from "./hex.js";

/**
 * Log ids are UUIDs (version 4 layout) that encode their log's position, so a page token
 * (`PA<id>`) can be turned back into a position without storing anything per log.
 *
 * The last 48 bits are a keyed Feistel permutation of the position (a bijection, so ids never
 * collide); the other 74 free bits are a keyed hash of the position, which makes a random or
 * edited UUID decode to a position whose recomputed id does not match (→ page_token_is_invalid).
 */

/** Positions are shifted by this so logs inserted at the head (negative positions) fit in 48 bits. */
const OFFSET = 2 ** 40;
const HALF = 2 ** 24;
const ROUNDS = 4;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-([0-9a-f]{12})$/;

/** The lowest and highest position an id can carry. */
export const MIN_POSITION = -OFFSET;
export const MAX_POSITION = 2 ** 48 - OFFSET - 1;

function roundKey(key: number, round: number, half: number): number {
  return hash32(key, half, 101 + round) & 0xffffff;
}

function permute(key: number, value: number): number {
  let left = Math.floor(value / HALF);
  let right = value % HALF;
  for (let round = 0; round < ROUNDS; round++) {
    [left, right] = [right, (left ^ roundKey(key, round, right)) >>> 0];
  }
  return left * HALF + right;
}

function unpermute(key: number, value: number): number {
  let left = Math.floor(value / HALF);
  let right = value % HALF;
  for (let round = ROUNDS - 1; round >= 0; round--) {
    [left, right] = [(right ^ roundKey(key, round, left)) >>> 0, left];
  }
  return left * HALF + right;
}

/** The id of the log at `position` (a safe integer in MIN_POSITION..MAX_POSITION). */
export function logId(key: number, position: number): string {
  const shifted = position + OFFSET;
  const a = hash32(key, shifted, 1);
  const b = hash32(key, shifted, 2);
  const c = hash32(key, shifted, 3);
  const variant = 8 | (c >>> 30);
  return `${hex(a, 8)}-${hex(b >>> 16, 4)}-4${hex(b & 0xfff, 3)}-${hex(variant, 1)}${hex(c & 0xfff, 3)}-${hex(permute(key, shifted), 12)}`;
}

/** The position whose id is `id`, or undefined when no position has that id under this key. */
export function positionOfId(key: number, id: string): number | undefined {
  const match = UUID.exec(id);
  if (!match?.[1]) return undefined;
  const position = unpermute(key, Number.parseInt(match[1], 16)) - OFFSET;
  return logId(key, position) === id ? position : undefined;
}
