// @ts-check
// What release.yml publishes, and how: every published package.json commits the `repository`
// npm checks against the provenance statement (the same repository, the package's own folder);
// the release job's pnpm adds --provenance to every publish and reaches the pinned pnpm with it;
// the tool folders under scripts/ stay out of the workspace.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { after, describe, test } from "node:test";
import { repoRoot } from "../lib/apis.mjs";
import { pnpmCommand } from "../lib/bootstrap.mjs";
import { writeProvenanceShim } from "../pnpm-provenance.mjs";

const temp = mkdtempSync(join(tmpdir(), "release-packages-"));
after(() => rmSync(temp, { recursive: true, force: true }));
const pnpm = pnpmCommand().command;

/** Every workspace project, as pnpm (and so changesets) finds it. */
const projects = /** @type {{ path: string }[]} */ (
  JSON.parse(
    spawnSync(pnpm, ["ls", "--recursive", "--depth", "-1", "--json"], { cwd: repoRoot, encoding: "utf8" })
      .stdout,
  )
).map(({ path }) => ({ dir: path, manifest: JSON.parse(readFileSync(join(path, "package.json"), "utf8")) }));
const published = projects.filter(({ manifest }) => manifest.private !== true);

describe("the published packages commit their repository", () => {
  test("they are the five the README names", () => {
    assert.deepEqual(published.map(({ manifest }) => manifest.name).sort(), [
      "@signalwire-voice/cli",
      "@signalwire-voice/client",
      "@signalwire-voice/mock-server",
      "@signalwire-voice/pagination",
      "@signalwire-voice/types",
    ]);
  });
  const urls = new Set(published.map(({ manifest }) => manifest.repository?.url));
  test("one repository for all, as a git+https URL", () => {
    assert.equal(urls.size, 1, [...urls].join(", "));
    assert.match(String([...urls][0]), /^git\+https:\/\/github\.com\/[\w.-]+\/[\w.-]+\.git$/);
  });
  for (const { dir, manifest } of published)
    test(`${manifest.name}: type git, its own folder as directory, published public`, () => {
      assert.deepEqual(manifest.repository, {
        type: "git",
        url: [...urls][0],
        directory: relative(repoRoot, dir),
      });
      assert.equal(manifest.publishConfig?.access, "public");
    });
});

describe("pnpm-provenance: the release job's pnpm adds --provenance to every publish", () => {
  const bin = join(temp, "real-bin");
  mkdirSync(bin);
  const fake = join(bin, "pnpm");
  writeFileSync(fake, '#!/bin/sh\necho "real pnpm: $*"\n');
  chmodSync(fake, 0o755);
  /** @type {[string[], string][]} */
  const table = [
    [
      ["publish", "--access", "public", "--tag", "latest", "--json"],
      "real pnpm: publish --provenance --access public --tag latest --json",
    ],
    [["install", "--frozen-lockfile"], "real pnpm: install --frozen-lockfile"],
    [["exec", "changeset", "publish"], "real pnpm: exec changeset publish"],
    [["--version"], "real pnpm: --version"],
  ];
  for (const [args, want] of table)
    test(`pnpm ${args.join(" ")}`, () => {
      const shim = writeProvenanceShim(join(temp, "fake-shim"), fake);
      assert.equal(spawnSync(shim, args, { encoding: "utf8" }).stdout.trim(), want);
    });

  test("the command writes it for the pinned pnpm, which receives --provenance (and, off CI, refuses to publish)", () => {
    const dir = join(temp, "shim");
    const made = spawnSync(process.execPath, [join(repoRoot, "scripts/pnpm-provenance.mjs"), dir], {
      encoding: "utf8",
    });
    assert.equal(made.status, 0, made.stderr);
    assert.equal(spawnSync(join(dir, "pnpm"), ["--version"], { encoding: "utf8" }).stdout.trim(), "12.4.2");
    const pkg = join(temp, "pkg");
    mkdirSync(pkg);
    writeFileSync(join(pkg, "package.json"), '{ "name": "@x/provenance-probe", "version": "1.0.0" }\n');
    // A closed port: nothing can be published, whatever happens.
    const publish = spawnSync(
      join(dir, "pnpm"),
      ["publish", "--registry", "http://127.0.0.1:9/", "--no-git-checks"],
      {
        cwd: pkg,
        encoding: "utf8",
        env: { PATH: process.env.PATH, HOME: temp },
      },
    );
    assert.notEqual(publish.status, 0);
    assert.match(
      publish.stdout + publish.stderr,
      /Automatic provenance generation is not supported for this CI provider/,
    );
  });

  test("refuses anything but one folder", () => {
    for (const args of [[], ["a", "b"], ["--x", "a"]]) {
      const result = spawnSync(process.execPath, [join(repoRoot, "scripts/pnpm-provenance.mjs"), ...args], {
        encoding: "utf8",
      });
      assert.equal(result.status, 2, args.join(" "));
      assert.match(result.stderr, /^Usage: node scripts\/pnpm-provenance\.mjs <dir>/);
    }
  });
});

describe("the tool folders stay out of the workspace", () => {
  const toolFolders = spawnSync("git", ["ls-files", "--", "scripts/*/package.json"], {
    cwd: repoRoot,
    encoding: "utf8",
  })
    .stdout.split("\n")
    .filter(Boolean)
    .map((file) => join(repoRoot, file, ".."));

  test("pnpm's workspace projects include none of scripts/*", () => {
    assert.ok(toolFolders.includes(join(repoRoot, "scripts/release-e2e")), `${toolFolders}`);
    const dirs = projects.map(({ dir }) => dir);
    assert.ok(dirs.includes(join(repoRoot, "packages/types")), `pnpm sees the workspace: ${dirs}`);
    for (const folder of toolFolders) assert.ok(!dirs.includes(folder), `${folder} is a workspace project`);
  });

  test("their node_modules are git-ignored", () => {
    for (const folder of toolFolders) {
      const ignored = spawnSync(
        "git",
        ["check-ignore", "--quiet", "--no-index", join(folder, "node_modules/x")],
        {
          cwd: repoRoot,
        },
      );
      assert.equal(ignored.status, 0, `${relative(repoRoot, folder)}/node_modules is not ignored`);
    }
  });
});
