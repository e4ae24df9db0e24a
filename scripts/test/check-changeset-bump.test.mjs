// @ts-check
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { checkChangesetBump, parseChangeset } from "../check-changeset-bump.mjs";
import { repoRoot } from "../lib/apis.mjs";

const TYPES = "@signalwire-voice/types";
const CLIENT = "@signalwire-voice/client";
/** @param {string} path @param {Record<string, string>} releases */
const changeset = (path, releases) =>
  parseChangeset({
    path,
    text: `---\n${Object.entries(releases)
      .map(([name, bump]) => `"${name}": ${bump}`)
      .join("\n")}\n---\n\nA change.\n`,
  });

describe("parseChangeset", () => {
  /** @type {[string, string, [string, string][]][]} */
  const valid = [
    ["double quotes", '---\n"@signalwire-voice/types": minor\n---\n\nx\n', [[TYPES, "minor"]]],
    ["single quotes", "---\n'@signalwire-voice/types': major\n---\nx", [[TYPES, "major"]]],
    ["no quotes, CRLF", "---\r\n@signalwire-voice/types: patch\r\n---\r\nx", [[TYPES, "patch"]]],
    [
      "two packages",
      `---\n"${TYPES}": minor\n"${CLIENT}": minor\n---\n`,
      [
        [TYPES, "minor"],
        [CLIENT, "minor"],
      ],
    ],
    ["empty (no release)", "---\n---\n\nDocs only.\n", []],
    ["unscoped name", "---\nsome-package: minor\n---\n", [["some-package", "minor"]]],
  ];
  for (const [name, text, want] of valid) {
    test(`reads ${name}`, () => {
      assert.deepEqual([...parseChangeset({ path: "a.md", text }).releases], want);
    });
  }

  /** @type {[string, string, RegExp][]} */
  const invalid = [
    ["no front matter", "Just text.\n", /starts with front matter/],
    ["unclosed front matter", '---\n"a": minor\n', /starts with front matter/],
    [
      "unknown bump",
      `---\n"${TYPES}": huge\n---\n`,
      /a\.md:2: expected .*got `"@signalwire-voice\/types": huge`/,
    ],
    ["not a release line", "---\nsummary: [x]\n---\n", /a\.md:2: expected/],
  ];
  for (const [name, text, message] of invalid) {
    test(`refuses ${name}, naming the file and line`, () => {
      assert.throws(() => parseChangeset({ path: "a.md", text }), message);
    });
  }
});

describe("checkChangesetBump: given the spec change's bump and the PR's changesets", () => {
  /** @type {[string, "none" | "patch" | "minor" | "major", import("../check-changeset-bump.mjs").Changeset[], boolean, RegExp][]} */
  const table = [
    ["no spec change, no changeset", "none", [], true, /did not change: no changeset needed/],
    [
      "patch needed, patch given",
      "patch",
      [changeset("a.md", { [TYPES]: "patch" })],
      true,
      /needs a patch release/,
    ],
    [
      "minor needed, minor given",
      "minor",
      [changeset("a.md", { [TYPES]: "minor" })],
      true,
      /types minor \(a\.md\)/,
    ],
    [
      "minor needed, major given (more is fine)",
      "minor",
      [changeset("a.md", { [TYPES]: "major" })],
      true,
      /✔/,
    ],
    [
      "major needed, two files, highest wins",
      "major",
      [changeset("a.md", { [TYPES]: "patch" }), changeset("b.md", { [TYPES]: "major" })],
      true,
      /types major \(a\.md, b\.md\)/,
    ],
    [
      "minor needed, nothing",
      "minor",
      [],
      false,
      /needs a minor release, but no changeset in this PR bumps @signalwire-voice\/types/,
    ],
    [
      "minor needed, only the client",
      "minor",
      [changeset("a.md", { [CLIENT]: "minor" })],
      false,
      /no changeset in this PR bumps @signalwire-voice\/types/,
    ],
    [
      "major needed, minor given",
      "major",
      [changeset("a.md", { [TYPES]: "minor" })],
      false,
      /bump @signalwire-voice\/types only minor \(a\.md\).*--write-changeset.*raise the bump .* to major/,
    ],
    [
      "minor needed, explicit none",
      "minor",
      [changeset("a.md", { [TYPES]: "none" })],
      false,
      /no changeset in this PR bumps/,
    ],
  ];
  for (const [name, required, changesets, ok, message] of table) {
    test(name, () => {
      const verdict = checkChangesetBump({ required, changesets });
      assert.equal(verdict.ok, ok);
      assert.match(verdict.message, message);
    });
  }

  test("checks every package it is given", () => {
    const verdict = checkChangesetBump({
      required: "minor",
      changesets: [changeset("a.md", { [TYPES]: "minor" })],
      packages: [TYPES, CLIENT],
    });
    assert.equal(verdict.ok, false);
    assert.match(verdict.message, /no changeset in this PR bumps @signalwire-voice\/client/);
  });

  test("refuses a report without a valid bump", () => {
    assert.throws(
      () => checkChangesetBump({ required: /** @type {"none"} */ ("huge"), changesets: [] }),
      /must be one of none, patch, minor, major \(got huge\)/,
    );
  });
});

describe("the command, on a git repository with a PR's changesets", () => {
  const dir = mkdtempSync(join(tmpdir(), "check-changeset-bump-"));
  after(() => rmSync(dir, { recursive: true, force: true }));
  /** @param {string[]} args */
  const git = (...args) => {
    const result = spawnSync("git", ["-c", "user.name=t", "-c", "user.email=t@t.invalid", ...args], {
      cwd: dir,
      encoding: "utf8",
    });
    assert.equal(result.status, 0, result.stderr);
  };
  /** @param {string[]} args */
  const run = (...args) =>
    spawnSync(process.execPath, [join(repoRoot, "scripts/check-changeset-bump.mjs"), ...args], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, INIT_CWD: dir, GITHUB_ACTIONS: "true" },
    });
  mkdirSync(join(dir, ".changeset"));
  writeFileSync(join(dir, ".changeset/README.md"), "# Changesets\n");
  writeFileSync(join(dir, ".changeset/old.md"), `---\n"${TYPES}": major\n---\n\nAlready on main.\n`);
  writeFileSync(join(dir, "report.json"), JSON.stringify({ bump: "minor", changes: [] }));
  git("init", "-q", "-b", "main");
  git("add", ".");
  git("commit", "-q", "-m", "base");

  test("ignores changesets already on the base, and fails with an annotation and the comment line", () => {
    writeFileSync(join(dir, "comment.md"), "<!-- spec-diff -->\nreport\n");
    writeFileSync(join(dir, ".changeset/mine.md"), `---\n"${TYPES}": patch\n---\n\nMine.\n`);
    git("add", ".");
    git("commit", "-q", "-m", "pr");
    const result = run("--report", "report.json", "--base", "HEAD~1", "--comment", "comment.md");
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, /only patch \(\.changeset\/mine\.md\)/);
    assert.match(result.stdout, /^::error title=Changeset bump::✖ The spec change needs a minor release/m);
    assert.match(
      readFileSync(join(dir, "comment.md"), "utf8"),
      /^<!-- spec-diff -->\nreport\n\n✖ The spec change/,
    );
  });

  test("passes once the PR's changeset bumps enough", () => {
    writeFileSync(join(dir, ".changeset/mine.md"), `---\n"${TYPES}": minor\n---\n\nMine.\n`);
    git("add", ".");
    git("commit", "-q", "--amend", "-m", "pr");
    const result = run("--report", "report.json", "--base", "HEAD~1");
    assert.equal(result.status, 0, result.stderr);
    assert.match(
      result.stdout,
      /✔ The spec change needs a minor release; the changesets give @signalwire-voice\/types minor/,
    );
  });

  test("exits 2 with the reason on bad input", () => {
    const missing = run("--report", "nope.json", "--base", "HEAD~1");
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /✖ check-changeset-bump: ENOENT/);
    const badRef = run("--report", "report.json", "--base", "no-such-ref");
    assert.equal(badRef.status, 2);
    assert.match(badRef.stderr, /git could not compare no-such-ref with HEAD/);
    const noSource = run("--report", "report.json");
    assert.equal(noSource.status, 2);
    assert.match(noSource.stderr, /Pass --base <git-ref> or --changeset <file>/);
  });
});
