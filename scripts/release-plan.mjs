// @ts-check
// The two questions release.yml asks, answered from the files (no network):
//   node scripts/release-plan.mjs pending   → "pending=true|false": are there changesets left
//                                              to version? (also written to $GITHUB_OUTPUT)
//   node scripts/release-plan.mjs pr-body   → the "Version Packages" PR's description, after
//                                              `changeset version`: each package's old → new
//                                              version and its new CHANGELOG section.
import { spawnSync } from "node:child_process";
import { appendFileSync, existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { repoRoot } from "./lib/apis.mjs";
import { pnpmCommand, toolEnv } from "./lib/bootstrap.mjs";

/**
 * The changesets waiting in `.changeset/` (every `.md` but the README).
 *
 * @example
 * pendingChangesets("/repo/.changeset") // → ["/repo/.changeset/spec-1a2b3c4d5e.md"]
 *
 * @param {string} dir
 * @returns {string[]}
 */
export function pendingChangesets(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith(".md") && file.toLowerCase() !== "readme.md")
    .sort()
    .map((file) => join(dir, file));
}

/**
 * Every project of a workspace, as pnpm finds them through pnpm-workspace.yaml (the root too).
 *
 * @example
 * workspaceProjects("/repo").map((project) => project.dir) // → ["/repo", "/repo/packages/client", …]
 *
 * @param {string} root
 * @param {{ command: string; prefix: string[] }} [pnpm] defaults to the pinned pnpm (bootstrap.mjs)
 * @returns {{ dir: string; manifest: { name?: string; version?: string; private?: boolean } }[]}
 */
export function workspaceProjects(root, pnpm = pnpmCommand()) {
  const result = spawnSync(pnpm.command, [...pnpm.prefix, "ls", "--recursive", "--depth", "-1", "--json"], {
    cwd: root,
    encoding: "utf8",
    env: toolEnv,
  });
  if (result.status !== 0) {
    throw new Error(`\`pnpm ls --recursive\` failed in ${root}: ${result.stderr || result.error?.message}`);
  }
  /** @type {{ path: string }[]} */
  const projects = JSON.parse(result.stdout);
  return projects.map(({ path }) => ({
    dir: path,
    manifest: JSON.parse(readFileSync(join(path, "package.json"), "utf8")),
  }));
}

/**
 * The published packages of a workspace (its projects without `"private": true`), as their
 * package.json files say now.
 *
 * @example
 * publishablePackages("/repo") // → [{ name: "@signalwire-voice/client", version: "0.1.0", dir: "/repo/packages/client" }, …]
 *
 * @param {string} root
 * @param {{ command: string; prefix: string[] }} [pnpm]
 * @returns {{ name: string; version: string; dir: string }[]}
 */
export function publishablePackages(root, pnpm) {
  return workspaceProjects(root, pnpm)
    .flatMap(({ dir, manifest }) =>
      manifest.private !== true && manifest.name && manifest.version
        ? [{ name: manifest.name, version: manifest.version, dir }]
        : [],
    )
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The section of a changesets CHANGELOG.md for `version` (its `## version` heading up to the
 * next `## `), or "" when there is none.
 *
 * @example
 * changelogSection("# x\n\n## 0.2.0\n\n### Minor Changes\n\n- a\n\n## 0.1.0\n", "0.2.0") // → "### Minor Changes\n\n- a"
 *
 * @param {string} changelog
 * @param {string} version
 */
export function changelogSection(changelog, version) {
  const lines = changelog.split(/\r?\n/);
  const start = lines.findIndex((line) => line.trim() === `## ${version}`);
  if (start === -1) return "";
  const end = lines.findIndex((line, index) => index > start && line.startsWith("## "));
  return lines
    .slice(start + 1, end === -1 ? undefined : end)
    .join("\n")
    .trim();
}

/**
 * The "Version Packages" PR description.
 *
 * @example
 * versionPrBody([{ name: "@signalwire-voice/types", from: "0.1.0", to: "0.2.0", changes: "### Minor Changes\n\n- x" }])
 *
 * @param {{ name: string; from: string | undefined; to: string; changes: string }[]} releases
 */
export function versionPrBody(releases) {
  const lines = [
    "This PR was opened by the Release workflow (`changeset version`). Merging it publishes these",
    "versions to npm with provenance; until then, new changesets on main update it.",
    "",
    "| Package | From | To |",
    "| --- | --- | --- |",
    ...releases.map(({ name, from, to }) => `| \`${name}\` | ${from ?? "(new)"} | ${to} |`),
  ];
  for (const { name, to, changes } of releases) {
    lines.push("", `## ${name}@${to}`, "", changes || "_No changelog entry._");
  }
  return `${lines.join("\n")}\n`;
}

/**
 * The packages whose version differs from `base` (a git revision), with their new CHANGELOG section.
 * @param {string} root
 * @param {string} base
 */
function releasesSince(root, base) {
  return publishablePackages(root).flatMap(({ name, version, dir }) => {
    const path = relative(root, join(dir, "package.json"));
    const before = spawnSync("git", ["show", `${base}:${path}`], { cwd: root, encoding: "utf8" });
    const from = before.status === 0 ? JSON.parse(before.stdout).version : undefined;
    if (from === version) return [];
    const changelog = join(dir, "CHANGELOG.md");
    const changes = existsSync(changelog) ? changelogSection(readFileSync(changelog, "utf8"), version) : "";
    return [{ name, from, to: version, changes }];
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const command = process.argv[2];
  if (command === "pending") {
    const pending = pendingChangesets(join(repoRoot, ".changeset"));
    console.log(`pending=${pending.length > 0}`);
    for (const file of pending) console.error(`  ${relative(repoRoot, file)}`);
    if (process.env.GITHUB_OUTPUT)
      appendFileSync(process.env.GITHUB_OUTPUT, `pending=${pending.length > 0}\n`);
  } else if (command === "pr-body") {
    process.stdout.write(versionPrBody(releasesSince(repoRoot, process.argv[3] ?? "HEAD")));
  } else {
    console.error("Usage: node scripts/release-plan.mjs pending | pr-body [<base revision, default HEAD>]");
    process.exit(2);
  }
}
