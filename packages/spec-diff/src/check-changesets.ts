import { readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import parseChangeset from "@changesets/parse";
import readChangesets from "@changesets/read";
import { higher, reaches } from "./internal/severity.js";
import type { Bump, Report } from "./report.js";
import { SpecDiffError } from "./spec-diff-error.js";

/**
 * One changeset of a pull request: where it is, and the bump it gives each package it names.
 * @example
 * ```ts
 * const changeset: PullRequestChangeset = { path: ".changeset/a.md", releases: new Map([["@signalwire-voice/types", "minor"]]) };
 * ```
 */
export interface PullRequestChangeset {
  path: string;
  releases: ReadonlyMap<string, Bump>;
}

/**
 * The PR check's verdict: `ok` when the changesets bump every package the spec change touches at
 * least as much as the change needs (more is fine); `message` says so, or names each package
 * that falls short and how to fix it.
 * @example
 * ```ts
 * const verdict: ChangesetVerdict = { ok: true, required: "none", packages: [], message: "✔ The spec did not change: no changeset needed." };
 * ```
 */
export interface ChangesetVerdict {
  ok: boolean;
  required: Bump;
  packages: { name: string; found: Bump; from: string[] }[];
  message: string;
}

/**
 * Do the pull request's changesets bump each of the report's `packages` as much as its `bump`?
 * @example
 * ```ts
 * const verdict = checkChangesets(report, await readPullRequestChangesets({ cwd, base: "origin/main" }));
 * if (!verdict.ok) console.error(verdict.message);
 * ```
 */
export function checkChangesets(
  report: Pick<Report, "bump" | "packages">,
  changesets: readonly PullRequestChangeset[],
): ChangesetVerdict {
  const required = report.bump;
  const names = report.packages.map(({ name }) => name);
  const packages = names.map((name) => {
    const from = changesets.filter((changeset) => changeset.releases.has(name));
    const bumps = from.map((changeset) => changeset.releases.get(name) ?? "none");
    return { name, found: bumps.reduce<Bump>(higher, "none"), from: from.map((changeset) => changeset.path) };
  });
  const verdict = (ok: boolean, message: string): ChangesetVerdict => ({ ok, required, packages, message });
  if (required === "none") return verdict(true, "✔ The spec did not change: no changeset needed.");
  if (names.length === 0) {
    return verdict(
      true,
      `✔ The spec change needs a ${required} release, but no published package re-exposes the spec: no changeset needed.`,
    );
  }
  const needs = `The spec change needs a ${required} release of ${names.join(" and ")} (every package whose public surface it touches)`;
  const short = packages.filter((entry) => !reaches(entry.found, required));
  if (short.length === 0) {
    const list = packages
      .map((entry) => `${entry.name} ${entry.found} (${entry.from.join(", ")})`)
      .join("; ");
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

const changesetOf = (
  path: string,
  releases: readonly { name: string; type: string }[],
): PullRequestChangeset => ({
  path,
  releases: new Map(releases.map(({ name, type }) => [name, type as Bump])),
});

/**
 * A pull request's changesets, read and parsed by changesets' own libraries: the `files` named,
 * and those of `cwd`'s .changeset folder changed since the git ref `base`.
 * @example
 * ```ts
 * const changesets = await readPullRequestChangesets({ cwd: process.cwd(), base: "origin/main" });
 * ```
 */
export async function readPullRequestChangesets(from: {
  cwd: string;
  base?: string | undefined;
  files?: readonly string[];
}): Promise<PullRequestChangeset[]> {
  const named = (from.files ?? []).map((file) => {
    const path = relative(from.cwd, resolve(from.cwd, file));
    try {
      return changesetOf(path, parseChangeset(readFileSync(resolve(from.cwd, file), "utf8")).releases);
    } catch (error) {
      throw new SpecDiffError(`${path}: ${firstLine(error)}`, { cause: error });
    }
  });
  if (from.base === undefined) return named;
  try {
    const changed = await readChangesets(from.cwd, from.base);
    return [...named, ...changed.map(({ id, releases }) => changesetOf(`.changeset/${id}.md`, releases))];
  } catch (error) {
    throw new SpecDiffError(
      `git could not compare ${from.base} with HEAD (${firstLine(error)}). In CI, check out with fetch-depth 0 or fetch the base.`,
      { cause: error },
    );
  }
}

const firstLine = (error: unknown) => String((error as Error).message ?? error).split("\n")[0];
