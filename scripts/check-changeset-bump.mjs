// @ts-check
// `node scripts/check-changeset-bump.mjs --report <spec-diff.json> (--base <git-ref> | --changeset <file>…)`
// The spec-diff PR check: fails when the changesets a pull request adds bump
// @signalwire-voice/types less than its spec change needs (the `bump` of `pnpm spec-diff
// --format json`). Bumping more is fine: the PR may change more than the spec.
//   --base <ref>         the changesets are the .changeset/*.md files added since <ref> (git)
//   --changeset <file>   or name them (repeatable)
//   --package <name>     the package to check (repeatable; default @signalwire-voice/types)
//   --comment <file>     append the verdict to this markdown file (the sticky PR comment)
// Exit codes: 0 enough, 1 too little, 2 bad input.
import { spawnSync } from "node:child_process";
import { appendFileSync, readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { repoRoot } from "./lib/apis.mjs";

/** @typedef {"none" | "patch" | "minor" | "major"} Bump */
/** @typedef {{ path: string; text: string }} ChangesetFile */
/** @typedef {{ path: string; releases: Map<string, Bump> }} Changeset */
/**
 * @typedef {object} BumpVerdict
 * @property {boolean} ok
 * @property {Bump} required the spec change's bump
 * @property {{ name: string; found: Bump; from: string[] }[]} packages what the changesets give each checked package
 * @property {string} message one paragraph: the verdict, and the fix when it fails
 */

/** @type {readonly Bump[]} */
const BUMPS = ["none", "patch", "minor", "major"];
export const DEFAULT_PACKAGES = ["@signalwire-voice/types"];

/**
 * The releases a changeset asks for, from its front matter (`"name": bump` per line, as
 * changesets and `pnpm spec-diff --write-changeset` write it). Throws on anything else, with
 * the file and line, since a malformed changeset would also break `changeset version`.
 *
 * @example
 * parseChangeset({ path: ".changeset/a.md", text: '---\n"@signalwire-voice/types": minor\n---\n\nAdd x.\n' })
 * // → { path: ".changeset/a.md", releases: Map { "@signalwire-voice/types" => "minor" } }
 *
 * @param {ChangesetFile} file
 * @returns {Changeset}
 */
export function parseChangeset({ path, text }) {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const close = lines.indexOf("---", 1);
  if (lines[0] !== "---" || close === -1) {
    throw new Error(
      `${path}: a changeset starts with front matter between two \`---\` lines (\`"@signalwire-voice/types": minor\`).`,
    );
  }
  /** @type {Map<string, Bump>} */
  const releases = new Map();
  for (const [index, line] of lines.slice(1, close).entries()) {
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    const match = /^\s*(["']?)(@?[\w.-]+(?:\/[\w.-]+)?)\1\s*:\s*(["']?)(\w+)\3\s*$/.exec(line);
    const bump = /** @type {Bump} */ (match?.[4]);
    if (!match?.[2] || !BUMPS.includes(bump)) {
      throw new Error(
        `${path}:${index + 2}: expected \`"<package>": major|minor|patch|none\`, got \`${line.trim()}\`.`,
      );
    }
    releases.set(match[2], bump);
  }
  return { path, releases };
}

/**
 * Whether the changesets bump each of `packages` at least as much as the spec change needs.
 *
 * @example
 * checkChangesetBump({ required: "minor", changesets: [parseChangeset(file)] })
 * // → { ok: true, required: "minor", packages: [{ name: "@signalwire-voice/types", found: "minor", from: [".changeset/a.md"] }], message: "✔ …" }
 *
 * @param {{ required: Bump; changesets: Changeset[]; packages?: readonly string[] }} input
 * @returns {BumpVerdict}
 */
export function checkChangesetBump({ required, changesets, packages = DEFAULT_PACKAGES }) {
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
  // No spec change → nothing to release for it; any changeset is the PR's own business.
  if (required === "none") {
    return {
      ok: true,
      required,
      packages: found,
      message: "✔ The spec did not change: no changeset needed.",
    };
  }
  const short = found.filter((entry) => rank(entry.found) < rank(required));
  if (short.length === 0) {
    const list = found.map((entry) => `${entry.name} ${entry.found} (${entry.from.join(", ")})`).join("; ");
    return {
      ok: true,
      required,
      packages: found,
      message: `✔ The spec change needs a ${required} release; the changesets give ${list}.`,
    };
  }
  const gaps = short.map((entry) =>
    entry.found === "none"
      ? `no changeset in this PR bumps ${entry.name}`
      : `the changesets bump ${entry.name} only ${entry.found} (${entry.from.join(", ")})`,
  );
  return {
    ok: false,
    required,
    packages: found,
    message:
      `✖ The spec change needs a ${required} release, but ${gaps.join("; ")}. ` +
      "Run `pnpm spec-diff --base origin/main:spec/voice.yaml --head spec/voice.yaml --write-changeset` " +
      `and commit the file it writes, or raise the bump in your changeset to ${required}.`,
  };
}

/** @param {Bump} bump */
const rank = (bump) => BUMPS.indexOf(bump);
/** @param {Bump[]} bumps @returns {Bump} */
const highest = (bumps) => bumps.reduce((max, bump) => (rank(bump) > rank(max) ? bump : max), "none");

/**
 * The .changeset/*.md files added between `base` and the working tree's HEAD (renames count as
 * additions: a changeset moved into place is new to the release).
 *
 * @param {string} base a git revision
 * @param {string} cwd
 */
export function changesetsAddedSince(base, cwd = repoRoot) {
  const result = spawnSync(
    "git",
    ["diff", "--name-only", "--no-renames", "--diff-filter=A", base, "HEAD", "--", ".changeset/*.md"],
    { cwd, encoding: "utf8" },
  );
  if (result.status !== 0) {
    throw new Error(
      `git could not compare ${base} with HEAD (${result.stderr.trim() || result.error?.message}). In CI, check out with fetch-depth 2 or fetch the base.`,
    );
  }
  return result.stdout
    .split("\n")
    .filter((path) => path !== "" && !path.endsWith("/README.md"))
    .map((path) => resolve(cwd, path));
}

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {{ report?: string; base?: string; comment?: string; changesets: string[]; packages: string[] }} */
  const args = { changesets: [], packages: [] };
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index];
    const value = argv[index + 1];
    if (value === undefined || value.startsWith("--")) throw new Error(`${flag} needs a value.`);
    index += 1;
    if (flag === "--report") args.report = value;
    else if (flag === "--base") args.base = value;
    else if (flag === "--comment") args.comment = value;
    else if (flag === "--changeset") args.changesets.push(value);
    else if (flag === "--package") args.packages.push(value);
    else throw new Error(`Unknown argument ${flag}.`);
  }
  const { report } = args;
  if (!report) throw new Error("--report <spec-diff.json> is required.");
  if (!args.base && args.changesets.length === 0)
    throw new Error("Pass --base <git-ref> or --changeset <file>.");
  return { ...args, report };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const cwd = process.env.INIT_CWD ?? process.cwd();
  /** @type {BumpVerdict} */
  let verdict;
  /** @type {ReturnType<typeof parseArgs>} */
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
    /** @type {{ bump: Bump }} */
    const report = JSON.parse(readFileSync(resolve(cwd, args.report), "utf8"));
    const paths = [
      ...args.changesets.map((path) => resolve(cwd, path)),
      ...(args.base ? changesetsAddedSince(args.base, cwd) : []),
    ];
    const changesets = paths.map((path) =>
      parseChangeset({ path: relative(cwd, path), text: readFileSync(path, "utf8") }),
    );
    verdict = checkChangesetBump({
      required: report.bump,
      changesets,
      ...(args.packages.length > 0 && { packages: args.packages }),
    });
  } catch (error) {
    console.error(`✖ check-changeset-bump: ${/** @type {Error} */ (error).message}`);
    process.exit(2);
  }
  (verdict.ok ? console.log : console.error)(verdict.message);
  // On GitHub, also an annotation on the PR's checks page.
  if (!verdict.ok && process.env.GITHUB_ACTIONS === "true") {
    const data = verdict.message.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
    console.log(`::error title=Changeset bump::${data}`);
  }
  if (args.comment) appendFileSync(resolve(cwd, args.comment), `\n${verdict.message}\n`);
  process.exitCode = verdict.ok ? 0 : 1;
}
