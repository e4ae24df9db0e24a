// @ts-check
// `node scripts/check-changeset-bump.mjs --report <spec-diff.json> (--base <git-ref> | --changeset <file>…)`
// The spec-diff PR check: fails when the PR's changesets bump a package the spec change touches
// (the report's `packages`, which spec-diff computes) less than the change needs (its `bump`).
// Bumping more is fine: the PR may change more than the spec. Changesets are read and parsed
// by changesets' own libraries.
//   --base <ref>         the .changeset/*.md files changed since <ref> (git)
//   --changeset <file>   or name them (repeatable)
//   --comment <file>     append the verdict to this markdown file (the sticky PR comment)
// Exit codes: 0 enough, 1 too little, 2 bad input.
import { appendFileSync, readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import parseChangeset from "@changesets/parse";
import readChangesets from "@changesets/read";

export const BUMPS = /** @type {const} */ (["none", "patch", "minor", "major"]);
/** @typedef {(typeof BUMPS)[number]} Bump */
/** @typedef {{ path: string; releases: Map<string, Bump> }} Changeset */
/**
 * @typedef {object} BumpVerdict
 * @property {boolean} ok
 * @property {Bump} required the spec change's bump
 * @property {{ name: string; found: Bump; from: string[] }[]} packages what the changesets give each package
 * @property {string} message one paragraph: the verdict, and the fix when it fails
 */

/** @param {Bump} bump */
const rank = (bump) => BUMPS.indexOf(bump);
/** @param {Bump[]} bumps @returns {Bump} */
const highest = (bumps) => bumps.reduce((max, bump) => (rank(bump) > rank(max) ? bump : max), "none");

/**
 * Whether the changesets bump each of `packages` at least as much as the spec change needs.
 * @example
 * checkChangesetBump({ required: "minor", changesets, packages: ["@signalwire-voice/types"] })
 * // → { ok: true, required: "minor", packages: [{ name: "@signalwire-voice/types", found: "minor", from: [".changeset/a.md"] }], message: "✔ …" }
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

/**
 * @param {string} path shown in verdicts
 * @param {{ name: string; type: string }[]} releases
 * @returns {Changeset}
 */
const changesetOf = (path, releases) => ({
  path,
  releases: new Map(releases.map(({ name, type }) => [name, /** @type {Bump} */ (type)])),
});

/**
 * The changesets of `files`, or of the .changeset folder in `cwd` changed since `base`.
 * @param {{ cwd: string; base?: string | undefined; files: string[] }} from
 * @returns {Promise<Changeset[]>}
 */
export async function readPullRequestChangesets({ cwd, base, files }) {
  const named = files.map((file) => {
    const path = relative(cwd, resolve(cwd, file));
    try {
      return changesetOf(path, parseChangeset(readFileSync(resolve(cwd, file), "utf8")).releases);
    } catch (error) {
      throw new Error(`${path}: ${/** @type {Error} */ (error).message.split("\n")[0]}`);
    }
  });
  if (base === undefined) return named;
  let changed;
  try {
    changed = await readChangesets(cwd, base);
  } catch (error) {
    const why = /** @type {Error} */ (error).message.split("\n")[0];
    throw new Error(
      `git could not compare ${base} with HEAD (${why}). In CI, check out with fetch-depth 0 or fetch the base.`,
    );
  }
  return [...named, ...changed.map(({ id, releases }) => changesetOf(`.changeset/${id}.md`, releases))];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const cwd = process.env.INIT_CWD ?? process.cwd();
  /** @type {BumpVerdict} */
  let verdict;
  /** @type {string | undefined} */
  let comment;
  try {
    const { values } = parseArgs({
      options: {
        report: { type: "string" },
        base: { type: "string" },
        changeset: { type: "string", multiple: true, default: [] },
        comment: { type: "string" },
      },
    });
    if (!values.report) throw new Error("--report <spec-diff.json> is required.");
    if (!values.base && values.changeset.length === 0)
      throw new Error("Pass --base <git-ref> or --changeset <file>.");
    comment = values.comment;
    /** @type {{ bump: Bump; packages?: { name: string }[] }} */
    const report = JSON.parse(readFileSync(resolve(cwd, values.report), "utf8"));
    if (!Array.isArray(report.packages)) {
      throw new Error(`${values.report} has no \`packages\`: make it with \`pnpm spec-diff --format json\`.`);
    }
    const changesets = await readPullRequestChangesets({ cwd, base: values.base, files: values.changeset });
    verdict = checkChangesetBump({
      required: report.bump,
      changesets,
      packages: report.packages.map(({ name }) => name),
    });
  } catch (error) {
    console.error(`✖ check-changeset-bump: ${/** @type {Error} */ (error).message}`);
    process.exit(2);
  }
  (verdict.ok ? console.log : console.error)(verdict.message);
  if (!verdict.ok && process.env.GITHUB_ACTIONS === "true") {
    const data = verdict.message.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
    console.log(`::error title=Changeset bump::${data}`);
  }
  if (comment) appendFileSync(resolve(cwd, comment), `\n${verdict.message}\n`);
  process.exitCode = verdict.ok ? 0 : 1;
}
