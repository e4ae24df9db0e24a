// @ts-check
// Changeset files: what one asks to release (its front matter), and which ones a pull request
// adds (git). The bump check (verdict.mjs) reads them.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { repoRoot } from "../lib/apis.mjs";

/** @typedef {"none" | "patch" | "minor" | "major"} Bump */
/** @typedef {{ path: string; text: string }} ChangesetFile */
/** @typedef {{ path: string; releases: Map<string, Bump> }} Changeset */

/** Every bump, lowest first. @type {readonly Bump[]} */
export const BUMPS = ["none", "patch", "minor", "major"];

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
 * The .changeset/*.md files added between `base` and the working tree's HEAD (renames count as
 * additions: a changeset moved into place is new to the release).
 *
 * @example
 * changesetsAddedSince("origin/main") // → ["/repo/.changeset/spec-1a2b3c4d5e.md"]
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
