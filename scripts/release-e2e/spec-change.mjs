// @ts-check
// One upstream spec change, as a contributor makes it: `pnpm spec:update <file>` (lint,
// bundle, generate, diff, changeset), then the PR check CI would run on it: spec-diff's JSON
// against the changeset just written, for every package spec-diff says the change touches.
// The check must pass on that changeset, and fail on one that bumps too little or that leaves
// out a touched package.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { checkChangesetBump, parseChangeset, touchedPackages } from "../check-changeset-bump.mjs";
import { pendingChangesets } from "../release-plan.mjs";
import { commitAll } from "./workspace-copy.mjs";

/** @typedef {import("../changeset-bump/changesets.mjs").Bump} Bump */

/**
 * Plays `round` in the copy at `repo` and commits it; throws when any expectation fails.
 *
 * @example
 * await playSpecChange({ round: ROUNDS[0], index: 0, repo, specs, pnpmRun, log: console.log });
 *
 * @param {object} options
 * @param {import("./rounds.mjs").Round} options.round
 * @param {number} options.index which round (names the spec files)
 * @param {string} options.repo the workspace copy
 * @param {string} options.specs a folder for the spec revisions and reports
 * @param {(title: string, args: string[]) => Promise<{ stdout: string }>} options.pnpmRun pnpm in the copy
 * @param {(line: string) => void} options.log
 */
export async function playSpecChange({ round, index, repo, specs, pnpmRun, log }) {
  mkdirSync(specs, { recursive: true });
  const previous = join(specs, `voice.${index}.yaml`);
  const next = join(specs, `voice.${index + 1}.yaml`);
  copyFileSync(join(repo, "spec/voice.yaml"), previous);
  writeFileSync(next, round.edit(readFileSync(previous, "utf8")));
  const update = await pnpmRun("pnpm spec:update", ["spec:update", next]);
  const bump = /Bump: (\w+)\./.exec(update.stdout)?.[1];
  if (bump !== round.level)
    throw new Error(`spec:update rated the change ${bump}, expected ${round.level}.\n${update.stdout}`);
  const written = pendingChangesets(join(repo, ".changeset"));
  if (written.length !== 1)
    throw new Error(
      `Expected spec:update to write one changeset; found ${written.map((file) => relative(repo, file)).join(", ") || "none"}.`,
    );
  const changesetPath = /** @type {string} */ (written[0]);
  const changeset = parseChangeset({
    path: relative(repo, changesetPath),
    text: readFileSync(changesetPath, "utf8"),
  });
  log(
    `spec:update: Bump: ${bump}; wrote ${changeset.path}: ${[...changeset.releases].map(([name, level]) => `${name} ${level}`).join(", ")}`,
  );

  const report = join(specs, `report.${index + 1}.json`);
  const diffArgs = ["--base", previous, "--head", "spec/voice.yaml", "--format", "json", "--output", report];
  await pnpmRun("pnpm spec-diff", ["--silent", "spec-diff", ...diffArgs]);
  /** @type {{ bump: Bump }} */
  const diff = JSON.parse(readFileSync(report, "utf8"));
  const packages = await touchedPackages(diff, { root: repo, build: false });
  if (packages.length < 2)
    throw new Error(
      `spec-diff says the change touches ${packages.join(", ") || "nothing"}; expected the types and the client.`,
    );
  const verdict = checkChangesetBump({ required: diff.bump, changesets: [changeset], packages });
  if (!verdict.ok) throw new Error(verdict.message);
  const [first = ""] = packages;
  /** @type {[string, Map<string, Bump>][]} changesets the check must refuse */
  const tooLittle = [
    ["a patch changeset", new Map(packages.map((name) => [name, /** @type {Bump} */ ("patch")]))],
    [`a changeset for ${first} alone`, new Map([[first, diff.bump]])],
  ];
  for (const [what, releases] of tooLittle) {
    const refused = checkChangesetBump({
      required: diff.bump,
      changesets: [{ path: "weaker.md", releases }],
      packages,
    });
    if (refused.ok)
      throw new Error(
        `The bump check accepted ${what} for a ${diff.bump} spec change touching ${packages.join(", ")}.`,
      );
  }
  log(
    `PR check (check-changeset-bump on spec-diff's JSON): ${verdict.message.replace(/^✔ /, "")} It refuses ${tooLittle.map(([what]) => what).join(" and ")}.`,
  );
  commitAll(repo, `spec: ${round.title}`);
}
