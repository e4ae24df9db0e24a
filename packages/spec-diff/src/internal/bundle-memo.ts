import { createHash } from "node:crypto";
import type { SpecSource } from "./spec-source.js";

// Bundles made by this process, keyed by the text of everything they read. Comparing a run of
// revisions bundles each one twice (head of one pair, base of the next), and each bundle is a
// redocly process (~0.25 s of CPU).
const bundles = new Map<string, Promise<string | undefined>>();
// Room for a history of revisions compared side by side; a long-lived process stays small.
const maxEntries = 32;

/**
 * The key of a bundle of `spec` with `overlays`, or undefined when the texts are not all it
 * reads: redocly follows an external `$ref` to a file whose text the key does not cover.
 *
 * @example
 * ```ts
 * const key = bundleKey(spec.source.text, overlays, hasExternalRefs(spec.data));
 * ```
 */
export function bundleKey(
  specText: string,
  overlays: readonly SpecSource[],
  specHasExternalRefs: boolean,
): string | undefined {
  // Any `$ref` in an overlay may point outside: no memo rather than a parse to tell.
  if (specHasExternalRefs || overlays.some((overlay) => overlay.text.includes("$ref"))) return undefined;
  const texts = [specText, ...overlays.map((overlay) => overlay.text)];
  return createHash("sha256").update(JSON.stringify(texts)).digest("hex");
}

/**
 * The bundle's text from an earlier call with the same key (finished or still running), else
 * from `bundle()`. A failed bundle is forgotten, so a retry shows redocly's reason again.
 *
 * @example
 * ```ts
 * const text = await memoizedBundle(key, async () => {
 *   const output = await scripts.bundleApiAsync(api, join(workDir, "bundle.json"), false);
 *   return output && readFileSync(output, "utf8");
 * });
 * ```
 */
export function memoizedBundle(
  key: string | undefined,
  bundle: () => Promise<string | undefined>,
): Promise<string | undefined> {
  if (key === undefined) return bundle();
  const known = bundles.get(key);
  if (known) return known;
  const made = bundle();
  bundles.set(key, made);
  const forget = () => {
    if (bundles.get(key) === made) bundles.delete(key);
  };
  made.then((text) => text === undefined && forget(), forget);
  const oldest = bundles.keys().next().value;
  if (bundles.size > maxEntries && oldest !== undefined) bundles.delete(oldest);
  return made;
}
