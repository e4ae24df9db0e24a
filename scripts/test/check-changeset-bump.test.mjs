// @ts-check
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { checkChangesetBump } from "../check-changeset-bump.mjs";
import { repoRoot } from "../lib/apis.mjs";

const TYPES = "@signalwire-voice/types";
const CLIENT = "@signalwire-voice/client";
/** @param {string} path @param {Record<string, string>} releases */
const changeset = (path, releases) => ({
  path,
  releases: new Map(
    /** @type {[string, "none" | "patch" | "minor" | "major"][]} */ (Object.entries(releases)),
  ),
});

describe("checkChangesetBump: given the spec change's bump, the packages it touches and the PR's changesets", () => {
  const both = [TYPES, CLIENT];
  /** @type {[string, "none" | "patch" | "minor" | "major", Record<string, string>[], boolean, RegExp][]} */
  const table = [
    ["no spec change, no changeset", "none", [], true, /did not change: no changeset needed/],
    [
      "patch needed, patch given to both",
      "patch",
      [{ [TYPES]: "patch", [CLIENT]: "patch" }],
      true,
      /needs a patch release of @signalwire-voice\/types and @signalwire-voice\/client/,
    ],
    [
      "minor needed, minor given to both",
      "minor",
      [{ [TYPES]: "minor", [CLIENT]: "minor" }],
      true,
      /types minor \(a\.md\); @signalwire-voice\/client minor \(a\.md\)/,
    ],
    [
      "minor needed, major given (more is fine)",
      "minor",
      [{ [TYPES]: "major", [CLIENT]: "major" }],
      true,
      /✔/,
    ],
    [
      "major needed, two files, highest wins",
      "major",
      [{ [TYPES]: "patch", [CLIENT]: "major" }, { [TYPES]: "major" }],
      true,
      /types major \(a\.md, b\.md\); @signalwire-voice\/client major \(a\.md\)/,
    ],
    [
      "minor needed, nothing",
      "minor",
      [],
      false,
      /needs a minor release of .*, but no changeset in this PR bumps @signalwire-voice\/types; no changeset in this PR bumps @signalwire-voice\/client\./,
    ],
    [
      "minor needed, only the types (the client re-exports them)",
      "minor",
      [{ [TYPES]: "minor" }],
      false,
      /but no changeset in this PR bumps @signalwire-voice\/client\. .*raise the bump of @signalwire-voice\/client in your changeset to minor/,
    ],
    [
      "minor needed, only the client",
      "minor",
      [{ [CLIENT]: "minor" }],
      false,
      /but no changeset in this PR bumps @signalwire-voice\/types\./,
    ],
    [
      "major needed, minor given to the types",
      "major",
      [{ [TYPES]: "minor", [CLIENT]: "major" }],
      false,
      /bump @signalwire-voice\/types only minor \(a\.md\)\..*--write-changeset.*raise the bump of @signalwire-voice\/types in your changeset to major/,
    ],
    [
      "major needed, both short, each named",
      "major",
      [{ [TYPES]: "patch", [CLIENT]: "minor" }],
      false,
      /the changesets bump @signalwire-voice\/types only patch \(a\.md\); the changesets bump @signalwire-voice\/client only minor \(a\.md\).*raise the bump of @signalwire-voice\/types and @signalwire-voice\/client/,
    ],
    [
      "minor needed, explicit none",
      "minor",
      [{ [TYPES]: "none", [CLIENT]: "minor" }],
      false,
      /no changeset in this PR bumps @signalwire-voice\/types/,
    ],
  ];
  for (const [name, required, files, ok, message] of table) {
    test(name, () => {
      const changesets = files.map((releases, index) => changeset(`${"ab"[index]}.md`, releases));
      const verdict = checkChangesetBump({ required, changesets, packages: both });
      assert.equal(verdict.ok, ok, verdict.message);
      assert.match(verdict.message, message);
    });
  }

  test("a spec change no published package re-exposes needs no changeset", () => {
    const verdict = checkChangesetBump({ required: "major", changesets: [], packages: [] });
    assert.equal(verdict.ok, true);
    assert.match(verdict.message, /no published package re-exposes the spec/);
  });

  test("refuses a report without a valid bump", () => {
    assert.throws(
      () => checkChangesetBump({ required: /** @type {"none"} */ ("huge"), changesets: [], packages: both }),
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
  const packages = [TYPES, CLIENT].map((name) => ({ name, bump: "minor" }));
  writeFileSync(join(dir, "report.json"), JSON.stringify({ bump: "minor", packages, changes: [] }));
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

  test("fails, naming the client, when the PR bumps only the types (the client re-exports them)", () => {
    writeFileSync(join(dir, ".changeset/mine.md"), `---\n"${TYPES}": minor\n---\n\nMine.\n`);
    git("add", ".");
    git("commit", "-q", "--amend", "-m", "pr");
    const result = run("--report", "report.json", "--base", "HEAD~1");
    assert.equal(result.status, 1, result.stderr);
    assert.match(
      result.stderr,
      /✖ The spec change needs a minor release of @signalwire-voice\/types and @signalwire-voice\/client .*, but no changeset in this PR bumps @signalwire-voice\/client\./,
    );
    assert.doesNotMatch(result.stderr, /bumps @signalwire-voice\/types/);
  });

  test("--changeset reads the files it names, and refuses a malformed one, naming it", () => {
    const good = run("--report", "report.json", "--changeset", ".changeset/old.md");
    assert.equal(good.status, 1, good.stderr);
    assert.match(good.stderr, /no changeset in this PR bumps @signalwire-voice\/client/);
    writeFileSync(join(dir, "bad.md"), `---\n"${TYPES}": huge\n---\n`);
    const bad = run("--report", "report.json", "--changeset", "bad.md");
    assert.equal(bad.status, 2);
    assert.match(
      bad.stderr,
      /✖ check-changeset-bump: bad\.md: could not parse changeset - invalid version type "huge"/,
    );
  });

  test("passes once the PR's changesets bump every touched package enough", () => {
    writeFileSync(join(dir, ".changeset/mine.md"), `---\n"${TYPES}": minor\n---\n\nMine.\n`);
    writeFileSync(join(dir, ".changeset/client.md"), `---\n"${CLIENT}": major\n---\n\nMine too.\n`);
    git("add", ".");
    git("commit", "-q", "--amend", "-m", "pr");
    const result = run("--report", "report.json", "--base", "HEAD~1");
    assert.equal(result.status, 0, result.stderr);
    assert.match(
      result.stdout,
      /✔ The spec change needs a minor release of .*; the changesets give @signalwire-voice\/types minor \(\.changeset\/mine\.md\); @signalwire-voice\/client major \(\.changeset\/client\.md\)\./,
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
    writeFileSync(join(dir, "old-report.json"), JSON.stringify({ bump: "minor", changes: [] }));
    const noPackages = run("--report", "old-report.json", "--base", "HEAD~1");
    assert.equal(noPackages.status, 2);
    assert.match(noPackages.stderr, /old-report\.json has no `packages`/);
    const unknown = run("--report", "report.json", "--base", "HEAD~1", "--package", TYPES);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /Unknown option '--package'/);
  });
});
