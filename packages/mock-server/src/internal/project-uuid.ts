import { hash32, seedKey } from "./hash.js";
import { hex } from "./hex.js";
import { isUuid } from "./uuid.js";

/**
 * The `project_id` of the events a server serves: its `projectId` (in lower case) when that is a
 * uuid, as SignalWire's project ids are; otherwise a version-4-layout uuid made from the
 * `projectId` string alone (not the seed), so `"test-project"` always gives the same one.
 *
 * @example
 * ```ts
 * projectUuid("B7182DC2-00F3-40E4-A5CE-20F164B329DF"); // "b7182dc2-00f3-40e4-a5ce-20f164b329df"
 * projectUuid("test-project"); // "054210ac-c0cb-4b2c-80b2-2f840a89ddf4", on every run
 * ```
 */
export function projectUuid(projectId: string): string {
  if (isUuid(projectId)) return projectId.toLowerCase();
  const key = seedKey(`project:${projectId}`);
  const [a, b, c, d] = [1, 2, 3, 4].map((salt) => hash32(key, 0, salt)) as [number, number, number, number];
  const variant = 8 | (c >>> 30);
  return `${hex(a, 8)}-${hex(b >>> 16, 4)}-4${hex(b & 0xfff, 3)}-${hex(variant, 1)}${hex(c & 0xfff, 3)}-${hex((c >>> 16) & 0xffff, 4)}${hex(d, 8)}`;
}
