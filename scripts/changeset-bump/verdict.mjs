// @ts-check
// The verdict of the spec-diff PR check: do the PR's changesets bump every package the spec
// change touches at least as much as the change needs? More is fine (the PR may change more
// than the spec); less names each package that falls short, and how to fix it.
import { BUMPS } from "./changesets.mjs";

/** @typedef {import("./changesets.mjs").Bump} Bump */
/** @typedef {import("./changesets.mjs").Changeset} Changeset */
/**
 * @typedef {object} BumpVerdict
 * @property {boolean} ok
 * @property {Bump} required the spec change's bump
 * @property {{ name: string; found: Bump; from: string[] }[]} packages what the changesets give each checked package
 * @property {string} message one paragraph: the verdict, and the fix when it fails
 */

/** @param {Bump} bump */
const rank = (bump) => BUMPS.indexOf(bump);
/** @param {Bump[]} bumps @returns {Bump} */
const highest = (bumps) => bumps.reduce((max, bump) => (rank(bump) > rank(max) ? bump : max), "none");

/**
 * Whether the changesets bump each of `packages` (the packages the spec change touches, see
 * touched-packages.mjs) at least as much as the spec change needs.
 *
 * @example
 * checkChangesetBump({ required: "minor", changesets: [parseChangeset(file)], packages: ["@signalwire-voice/types"] })
 * // → { ok: true, required: "minor", packages: [{ name: "@signalwire-voice/types", found: "minor", from: [".changeset/a.md"] }], message: "✔ …" }
 *
 * @param {{ required: Bump; changesets: Changeset[]; packages: readonly string[] }} input
 * @returns {BumpVerdict}
 */
export function checkChangesetBump({ required, changesets, packages }) {
  if (!BUMPS.includes(required)) {
    throw new Error(
      `The spec-diff report's bump must be one of ${BUMPS.join(", ")} (got ${String(required)}).`,
    );
  }
  const found = packages.map((name) => {
    const from = changesets.filter((changeset) => changeset.releases.has(name));
    const bumps = from.map((changeset) => /** @type {Bump} */ (changeset.releases.get(name)));
    return { name, found: highest(bumps), from: from.map((changeset) => changeset.path) };
  });
  const verdict = (/** @type {boolean} */ ok, /** @type {string} */ message) => ({
    ok,
    required,
    packages: found,
    message,
  });
  // No spec change → nothing to release for it; any changeset is the PR's own business.
  if (required === "none") return verdict(true, "✔ The spec did not change: no changeset needed.");
  if (packages.length === 0) {
    return verdict(
      true,
      `✔ The spec change needs a ${required} release, but no published package re-exposes the spec: no changeset needed.`,
    );
  }
  const needs = `The spec change needs a ${required} release of ${packages.join(" and ")} (every package whose public surface it touches)`;
  const short = found.filter((entry) => rank(entry.found) < rank(required));
  if (short.length === 0) {
    const list = found.map((entry) => `${entry.name} ${entry.found} (${entry.from.join(", ")})`).join("; ");
    return verdict(true, `✔ ${needs}; the changesets give ${list}.`);
  }
  const gaps = short.map((entry) =>
    entry.found === "none"
      ? `no changeset in this PR bumps ${entry.name}`
      : `the changesets bump ${entry.name} only ${entry.found} (${entry.from.join(", ")})`,
  );
  return verdict(
    false,
    `✖ ${needs}, but ${gaps.join("; ")}. ` +
      "Run `pnpm spec-diff --base origin/main:spec/voice.yaml --head spec/voice.yaml --write-changeset` " +
      `and commit the file it writes, or raise the bump of ${short.map((entry) => entry.name).join(" and ")} in your changeset to ${required}.`,
  );
}
