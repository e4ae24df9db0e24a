// @ts-check
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import { checkChangesetBump, parseChangeset, touchedPackages } from "../check-changeset-bump.mjs";
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

describe("touchedPackages: the packages spec-diff says a change touches", () => {
  test("from the built spec-diff (its SPEC_SURFACE, as --write-changeset names them): the types and the client", async () => {
    for (const bump of /** @type {const} */ (["patch", "minor", "major"])) {
      assert.deepEqual(await touchedPackages({ bump, changes: [] }), [TYPES, CLIENT]);
    }
  });

  test("the same list spec-diff's --write-changeset puts in the changeset it writes", async () => {
    /** @type {import("../changeset-bump/touched-packages.mjs").SpecDiffReport} */
    const report = {
      base: "a",
      head: "b",
      overlay: true,
      bump: "minor",
      summary: { major: 0, minor: 1, patch: 0 },
      changes: [],
    };
    const touched = await touchedPackages(report); // builds spec-diff when it is not built yet
    const { writeChangeset } = await import(
      pathToFileURL(join(repoRoot, "packages/spec-diff/dist/index.mjs")).href
    );
    const dir = mkdtempSync(join(tmpdir(), "touched-"));
    try {
      const written = writeChangeset(report, dir, repoRoot);
      const front = parseChangeset({ path: written.path, text: readFileSync(written.path, "utf8") });
      assert.deepEqual(touched, [...front.releases.keys()]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("none when the spec did not change", async () => {
    assert.deepEqual(await touchedPackages({ bump: "none" }), []);
  });

  test("the report's own list, when it carries one (names or { name })", async () => {
    assert.deepEqual(await touchedPackages({ bump: "minor", packages: [TYPES] }), [TYPES]);
    assert.deepEqual(await touchedPackages({ bump: "minor", packages: [{ name: CLIENT, bump: "minor" }] }), [
      CLIENT,
    ]);
    await assert.rejects(touchedPackages({ bump: "minor", packages: "types" }), /must list package names/);
    await assert.rejects(touchedPackages({ bump: "minor", packages: [{}] }), /must list package names/);
  });

  test("refuses a report without a valid bump", async () => {
    await assert.rejects(
      touchedPackages(/** @type {any} */ ({ bump: "huge" })),
      /must be one of none, patch, minor, major \(got "huge"\)/,
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

  test("--package checks the packages it names instead", () => {
    const result = run("--report", "report.json", "--base", "HEAD~1", "--package", TYPES);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /needs a minor release of @signalwire-voice\/types \(/);
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
  });
});
