import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type Bump, checkChangesets, type PullRequestChangeset, type Report } from "../src/index.js";
import { packageDir } from "./helpers/run-cli.js";

const TYPES = "@signalwire-voice/types";
const CLIENT = "@signalwire-voice/client";
const changeset = (path: string, releases: Record<string, Bump>): PullRequestChangeset => ({
  path,
  releases: new Map(Object.entries(releases)),
});
const report = (bump: Bump, packages: string[]): Pick<Report, "bump" | "packages"> => ({
  bump,
  packages: bump === "none" ? [] : packages.map((name) => ({ name, bump })),
});

describe("checkChangesets: given the report's bump and packages, and the PR's changesets", () => {
  const both = [TYPES, CLIENT];
  const table: [string, Bump, Record<string, Bump>[], boolean, RegExp][] = [
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
    it(name, () => {
      const changesets = files.map((releases, index) => changeset(`${"ab"[index]}.md`, releases));
      const verdict = checkChangesets(report(required, both), changesets);
      expect(verdict.ok, verdict.message).toBe(ok);
      expect(verdict.message).toMatch(message);
    });
  }

  it("a spec change no published package re-exposes needs no changeset", () => {
    const verdict = checkChangesets(report("major", []), []);
    expect(verdict.ok).toBe(true);
    expect(verdict.message).toMatch(/no published package re-exposes the spec/);
  });

  it("reads what each package gets from every changeset naming it", () => {
    const verdict = checkChangesets(report("minor", both), [
      changeset("a.md", { [TYPES]: "patch" }),
      changeset("b.md", { [TYPES]: "minor", [CLIENT]: "minor" }),
    ]);
    expect(verdict.packages).toEqual([
      { name: TYPES, found: "minor", from: ["a.md", "b.md"] },
      { name: CLIENT, found: "minor", from: ["b.md"] },
    ]);
  });
});

describe("spec-diff check-changesets, on a git repository with a PR's changesets", () => {
  const dir = mkdtempSync(join(tmpdir(), "check-changeset-bump-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const git = (...args: string[]) => {
    const result = spawnSync("git", ["-c", "user.name=t", "-c", "user.email=t@t.invalid", ...args], {
      cwd: dir,
      encoding: "utf8",
    });
    expect(result.status, result.stderr).toBe(0);
  };
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [join(packageDir, "dist/cli.mjs"), "check-changesets", ...args], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, GITHUB_ACTIONS: "true" },
    });
  mkdirSync(join(dir, ".changeset"));
  writeFileSync(join(dir, ".changeset/README.md"), "# Changesets\n");
  writeFileSync(join(dir, ".changeset/old.md"), `---\n"${TYPES}": major\n---\n\nAlready on main.\n`);
  const packages = [TYPES, CLIENT].map((name) => ({ name, bump: "minor" }));
  writeFileSync(join(dir, "report.json"), JSON.stringify({ bump: "minor", packages, changes: [] }));
  git("init", "-q", "-b", "main");
  git("add", ".");
  git("commit", "-q", "-m", "base");

  it("ignores changesets already on the base, and fails with an annotation and the comment line", () => {
    writeFileSync(join(dir, "comment.md"), "<!-- spec-diff -->\nreport\n");
    writeFileSync(join(dir, ".changeset/mine.md"), `---\n"${TYPES}": patch\n---\n\nMine.\n`);
    git("add", ".");
    git("commit", "-q", "-m", "pr");
    const result = run("--report", "report.json", "--base", "HEAD~1", "--comment", "comment.md");
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/only patch \(\.changeset\/mine\.md\)/);
    expect(result.stdout).toMatch(/^::error title=Changeset bump::✖ The spec change needs a minor release/m);
    expect(readFileSync(join(dir, "comment.md"), "utf8")).toMatch(
      /^<!-- spec-diff -->\nreport\n\n✖ The spec change/,
    );
  });

  it("fails, naming the client, when the PR bumps only the types (the client re-exports them)", () => {
    writeFileSync(join(dir, ".changeset/mine.md"), `---\n"${TYPES}": minor\n---\n\nMine.\n`);
    git("add", ".");
    git("commit", "-q", "--amend", "-m", "pr");
    const result = run("--report", "report.json", "--base", "HEAD~1");
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toMatch(
      /✖ The spec change needs a minor release of @signalwire-voice\/types and @signalwire-voice\/client .*, but no changeset in this PR bumps @signalwire-voice\/client\./,
    );
    expect(result.stderr).not.toMatch(/bumps @signalwire-voice\/types/);
  });

  it("--changeset reads the files it names, and refuses a malformed one, naming it", () => {
    const good = run("--report", "report.json", "--changeset", ".changeset/old.md");
    expect(good.status, good.stderr).toBe(1);
    expect(good.stderr).toMatch(/no changeset in this PR bumps @signalwire-voice\/client/);
    writeFileSync(join(dir, "bad.md"), `---\n"${TYPES}": huge\n---\n`);
    const bad = run("--report", "report.json", "--changeset", "bad.md");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(
      /✖ spec-diff check-changesets: bad\.md: could not parse changeset - invalid version type "huge"/,
    );
  });

  it("passes once the PR's changesets bump every touched package enough", () => {
    writeFileSync(join(dir, ".changeset/mine.md"), `---\n"${TYPES}": minor\n---\n\nMine.\n`);
    writeFileSync(join(dir, ".changeset/client.md"), `---\n"${CLIENT}": major\n---\n\nMine too.\n`);
    git("add", ".");
    git("commit", "-q", "--amend", "-m", "pr");
    const result = run("--report", "report.json", "--base", "HEAD~1");
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /✔ The spec change needs a minor release of .*; the changesets give @signalwire-voice\/types minor \(\.changeset\/mine\.md\); @signalwire-voice\/client major \(\.changeset\/client\.md\)\./,
    );
  });

  it.each([
    [
      ["--report", "nope.json", "--base", "HEAD~1"],
      /✖ spec-diff check-changesets: cannot read nope\.json: ENOENT/,
    ],
    [["--report", "report.json", "--base", "no-such-ref"], /git could not compare no-such-ref with HEAD/],
    [["--report", "report.json"], /Pass --base <git-ref> or --changeset <file>/],
    [["--report", "old-report.json", "--base", "HEAD~1"], /old-report\.json has no `packages`/],
    [["--report", "report.json", "--base", "HEAD~1", "--package", TYPES], /Unknown option '--package'/],
  ])("exits 2 with the reason on bad input: %j", (args, message) => {
    writeFileSync(join(dir, "old-report.json"), JSON.stringify({ bump: "minor", changes: [] }));
    const result = run(...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
