// @ts-check
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { repoRoot } from "../lib/apis.mjs";
import { findOnPath, writeProvenanceShim } from "../pnpm-provenance.mjs";
import {
  changelogSection,
  pendingChangesets,
  publishablePackages,
  versionPrBody,
  workspaceProjects,
} from "../release-plan.mjs";

const temp = mkdtempSync(join(tmpdir(), "release-plan-"));
after(() => rmSync(temp, { recursive: true, force: true }));

describe("pendingChangesets", () => {
  test("lists the .md files but the README, sorted; none for a missing folder", () => {
    const dir = join(temp, "changesets");
    mkdirSync(dir);
    for (const file of ["README.md", "config.json", "b.md", "a.md"]) writeFileSync(join(dir, file), "");
    assert.deepEqual(pendingChangesets(dir), [join(dir, "a.md"), join(dir, "b.md")]);
    assert.deepEqual(pendingChangesets(join(temp, "nope")), []);
  });
});

describe("publishablePackages", () => {
  test("finds this workspace's published packages, not the private ones", () => {
    const names = publishablePackages(repoRoot).map((entry) => entry.name);
    for (const name of [
      "@signalwire-voice/types",
      "@signalwire-voice/client",
      "@signalwire-voice/mock-server",
    ]) {
      assert.ok(names.includes(name), `${name} in ${names}`);
    }
    assert.ok(!names.includes("@signalwire-voice/spec-diff"));
    assert.ok(!names.includes("@signalwire-voice/spec"));
  });
});

describe("changelogSection", () => {
  const changelog =
    "# @x/y\n\n## 1.0.0\n\n### Major Changes\n\n- abc1234: Broke it.\n\n## 0.2.0\n\n### Minor Changes\n\n- Added it.\n";
  /** @type {[string, string][]} */
  const table = [
    ["1.0.0", "### Major Changes\n\n- abc1234: Broke it."],
    ["0.2.0", "### Minor Changes\n\n- Added it."],
    ["9.9.9", ""],
  ];
  for (const [version, want] of table) {
    test(`## ${version}`, () => assert.equal(changelogSection(changelog, version), want));
  }
});

describe("versionPrBody", () => {
  test("a table of versions, then each package's changes", () => {
    const body = versionPrBody([
      { name: "@signalwire-voice/types", from: "0.1.0", to: "0.2.0", changes: "### Minor Changes\n\n- x" },
      { name: "@signalwire-voice/pagination", from: undefined, to: "0.1.0", changes: "" },
    ]);
    assert.match(body, /\| `@signalwire-voice\/types` \| 0\.1\.0 \| 0\.2\.0 \|/);
    assert.match(body, /\| `@signalwire-voice\/pagination` \| \(new\) \| 0\.1\.0 \|/);
    assert.match(body, /## @signalwire-voice\/types@0\.2\.0\n\n### Minor Changes\n\n- x/);
    assert.match(body, /## @signalwire-voice\/pagination@0\.1\.0\n\n_No changelog entry\._/);
  });
});

describe("the command", () => {
  test("`pending` prints pending=… and writes it to $GITHUB_OUTPUT", () => {
    const output = join(temp, "github-output");
    const result = spawnSync(process.execPath, [join(repoRoot, "scripts/release-plan.mjs"), "pending"], {
      encoding: "utf8",
      env: { ...process.env, GITHUB_OUTPUT: output },
    });
    assert.equal(result.status, 0, result.stderr);
    const line = result.stdout.trim();
    assert.match(line, /^pending=(true|false)$/);
    assert.equal(readFileSync(output, "utf8"), `${line}\n`);
  });
  test("exits 2 with the usage on an unknown command", () => {
    const result = spawnSync(process.execPath, [join(repoRoot, "scripts/release-plan.mjs"), "publish"], {
      encoding: "utf8",
    });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /Usage: node scripts\/release-plan\.mjs pending \| pr-body/);
  });
});

describe("the tool folders stay out of the workspace", () => {
  test("pnpm's workspace projects include none of scripts/release-e2e, toolchain, workflow-lint", () => {
    const result = spawnSync("git", ["ls-files", "--", "scripts/*/package.json"], {
      cwd: repoRoot,
      encoding: "utf8",
    });
    const toolFolders = result.stdout
      .split("\n")
      .filter(Boolean)
      .map((file) => join(repoRoot, file, ".."));
    assert.deepEqual(toolFolders.sort(), [
      join(repoRoot, "scripts/release-e2e"),
      join(repoRoot, "scripts/toolchain"),
      join(repoRoot, "scripts/workflow-lint"),
    ]);
    const workspace = workspaceProjects(repoRoot).map((project) => project.dir);
    assert.ok(workspace.includes(join(repoRoot, "packages/types")), `pnpm sees the workspace: ${workspace}`);
    for (const folder of toolFolders)
      assert.ok(!workspace.includes(folder), `${folder} is a workspace project`);
  });

  test("their node_modules are git-ignored", () => {
    for (const folder of ["scripts/release-e2e", "scripts/toolchain", "scripts/workflow-lint"]) {
      const result = spawnSync("git", ["check-ignore", "--quiet", "--no-index", `${folder}/node_modules/x`], {
        cwd: repoRoot,
      });
      assert.equal(result.status, 0, `${folder}/node_modules is not ignored`);
    }
  });
});

describe("pnpm-provenance: the publish job's pnpm adds --provenance to every publish", () => {
  const bin = join(temp, "real-bin");
  mkdirSync(bin);
  const real = join(bin, "pnpm");
  writeFileSync(real, '#!/bin/sh\necho "real pnpm: $*"\n');
  chmodSync(real, 0o755);
  const shimDir = join(temp, "provenance-bin");

  test("finds the real pnpm on PATH, never the shim itself", () => {
    writeProvenanceShim(shimDir, real);
    assert.equal(findOnPath("pnpm", shimDir, `${shimDir}:${bin}`), real);
    assert.throws(() => findOnPath("pnpm", shimDir, shimDir), /No pnpm on PATH/);
  });

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
  for (const [args, want] of table) {
    test(`pnpm ${args.join(" ")}`, () => {
      const shim = writeProvenanceShim(shimDir, real);
      const result = spawnSync(shim, args, { encoding: "utf8" });
      assert.equal(result.stdout.trim(), want);
    });
  }

  test("the command writes the shim for the pnpm on PATH", () => {
    const result = spawnSync(process.execPath, [join(repoRoot, "scripts/pnpm-provenance.mjs"), shimDir], {
      encoding: "utf8",
      env: { ...process.env, PATH: `${shimDir}:${bin}:${process.env.PATH}` },
    });
    assert.equal(result.status, 0, result.stderr);
    assert.match(
      readFileSync(join(shimDir, "pnpm"), "utf8"),
      new RegExp(`exec "${real}" publish --provenance "\\$@"`),
    );
  });
});
