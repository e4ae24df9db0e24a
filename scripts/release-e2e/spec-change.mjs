// @ts-check
// The upstream spec changes release:e2e plays, each as a contributor makes it: a new revision of
// spec/voice.yaml (an edit of the YAML text, so the rest of the document stays byte for byte as
// SignalWire wrote it), `pnpm spec:update <file>` (lint, bundle, generate, diff, changeset), then
// the PR check CI runs on it (`spec-diff check-changesets` on spec-diff's JSON), which must
// pass on that changeset and fail on one that bumps too little or leaves out a touched package.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import readChangesets from "@changesets/read";
import { commitAll } from "./workspace-copy.mjs";

/**
 * `text` with the one match of `pattern` replaced; throws, naming `what`, when the spec no
 * longer has that shape.
 * @param {string} text @param {RegExp} pattern @param {string} replacement @param {string} what
 */
function editOnce(text, pattern, replacement, what) {
  const matches = text.match(new RegExp(pattern, "g"))?.length ?? 0;
  if (matches !== 1) throw new Error(`Expected the spec to have ${what} once; found it ${matches} times.`);
  return text.replace(pattern, replacement);
}

/** @typedef {{ level: "minor" | "major"; title: string; edit: (spec: string) => string }} Round */

/** @type {readonly Round[]} */
export const ROUNDS = [
  {
    level: "minor",
    title: "a new optional query parameter (GET /logs `direction`)",
    edit: (spec) =>
      editOnce(
        spec,
        /(\n {2}\/logs:\n {4}get:\n(?: {6}.*\n| *\n)*? {6}parameters:\n)/,
        "$1        - name: direction\n          in: query\n          description: Only logs in this direction.\n" +
          "          required: false\n          schema:\n            $ref: '#/components/schemas/VoiceDirection'\n",
        "a parameters list under paths./logs.get",
      ),
  },
  {
    level: "major",
    title: 'a value removed from a response enum (VoiceLogStatus "joined")',
    edit: (spec) =>
      editOnce(
        spec,
        /(\n {4}VoiceLogStatus:\n(?: {6}.*\n)*? {6}enum:\n(?: {8}- .*\n)*?) {8}- joined\n/,
        "$1",
        'the value "joined" in components.schemas.VoiceLogStatus.enum',
      ),
  },
];

/**
 * Plays `round` in the copy at `workspace.repo` and commits it; throws when any expectation fails.
 *
 * @example
 * await playSpecChange(workspace, { round: ROUNDS[0], index: 0, specs, log: console.log });
 *
 * @param {Pick<import("./workspace.mjs").Workspace, "repo" | "pnpmRun">} workspace
 * @param {{ round: Round; index: number; specs: string; log: (line: string) => void }} options
 */
export async function playSpecChange({ repo, pnpmRun }, { round, index, specs, log }) {
  mkdirSync(specs, { recursive: true });
  const previous = join(specs, `voice.${index}.yaml`);
  const next = join(specs, `voice.${index + 1}.yaml`);
  const report = join(specs, `report.${index + 1}.json`);
  copyFileSync(join(repo, "spec/voice.yaml"), previous);
  writeFileSync(next, round.edit(readFileSync(previous, "utf8")));
  const update = await pnpmRun("pnpm spec:update", ["spec:update", next]);
  const bump = /Bump: (\w+)\./.exec(update.stdout)?.[1];
  if (bump !== round.level)
    throw new Error(`spec:update rated the change ${bump}, expected ${round.level}.\n${update.stdout}`);
  const written = await readChangesets(repo);
  const [changeset] = written;
  if (written.length !== 1 || !changeset)
    throw new Error(
      `Expected spec:update to write one changeset; found ${written.map(({ id }) => id).join(", ") || "none"}.`,
    );
  const file = join(repo, ".changeset", `${changeset.id}.md`);
  log(
    `spec:update: Bump: ${bump}; wrote ${relative(repo, file)}: ${changeset.releases.map(({ name, type }) => `${name} ${type}`).join(", ")}`,
  );

  const diffArgs = ["--base", previous, "--head", "spec/voice.yaml", "--format", "json", "--output", report];
  await pnpmRun("pnpm spec-diff", ["--silent", "spec-diff", ...diffArgs]);
  const check = (/** @type {string} */ changeset) =>
    pnpmRun("pnpm spec-diff check-changesets", [
      "--silent",
      "spec-diff",
      "check-changesets",
      "--report",
      report,
      "--changeset",
      changeset,
    ]);
  await check(file);
  // What the check must refuse: every package one level short, and the first one alone.
  const [first] = changeset.releases;
  /** @type {[string, string][]} */
  const weaker = [
    ["a patch changeset", changeset.releases.map(({ name }) => `"${name}": patch`).join("\n")],
    [`a changeset for ${first?.name} alone`, `"${first?.name}": ${round.level}`],
  ];
  for (const [what, releases] of weaker) {
    const weak = join(specs, `weaker.${index + 1}.md`);
    writeFileSync(weak, `---\n${releases}\n---\n\nToo little.\n`);
    // Exit 1 is "bumps too little"; 2 would be a bad input, not a refusal.
    const exit = await check(weak).then(
      () => 0,
      (/** @type {Error} */ error) => /exited with (\d+)/.exec(error.message)?.[1],
    );
    if (exit !== "1")
      throw new Error(
        `The bump check should refuse ${what} for a ${round.level} spec change (exit 1); it exited ${exit}.`,
      );
  }
  log(
    `PR check (spec-diff check-changesets on its JSON) passes, and refuses ${weaker.map(([what]) => what).join(" and ")}.`,
  );
  commitAll(repo, `spec: ${round.title}`);
}
