// @ts-check
// Every published package ships the MIT license its package.json names: a copy of the root
// LICENSE in its own folder (npm and pnpm both pack a package's LICENSE), byte for byte, and in
// the tarball pnpm would publish.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, test } from "node:test";
import { repoRoot } from "../lib/apis.mjs";
import { pnpmCommand, toolEnv } from "../lib/bootstrap.mjs";

const pnpm = pnpmCommand();
const license = readFileSync(join(repoRoot, "LICENSE"), "utf8");
/** The workspace's packages as pnpm lists them (what `changeset publish` publishes), minus the private ones. */
const listed = spawnSync(pnpm.command, [...pnpm.prefix, "ls", "--recursive", "--depth", "-1", "--json"], {
  cwd: repoRoot,
  env: toolEnv,
  encoding: "utf8",
});
/** @type {{ name: string; path: string; private?: boolean }[]} */
const workspace = JSON.parse(listed.stdout);
const packages = workspace
  .filter((entry) => entry.private !== true && entry.path !== repoRoot)
  .map(({ name, path }) => ({ name, dir: path }));

test("the root LICENSE is MIT's", () => {
  assert.match(license, /^MIT License\n\nCopyright \(c\) \d{4} .+\n/);
  assert.match(license, /Permission is hereby granted, free of charge/);
});

test("the published packages are found (release.yml publishes the same list)", () => {
  assert.ok(
    packages.some(({ name }) => name === "@signalwire-voice/types"),
    `expected @signalwire-voice/types among ${JSON.stringify(packages.map(({ name }) => name))}`,
  );
});

for (const { name, dir } of packages) {
  describe(name, () => {
    const copy = join(dir, "LICENSE");
    const where = relative(repoRoot, copy);

    test("says MIT in package.json", () => {
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
      assert.equal(manifest.license, "MIT");
    });

    test("has a LICENSE identical to the root one", () => {
      assert.ok(existsSync(copy), `${where} is missing. Fix: cp LICENSE ${where}`);
      assert.ok(
        readFileSync(copy, "utf8") === license,
        `${where} differs from the root LICENSE. Fix: cp LICENSE ${where}`,
      );
    });

    test("packs LICENSE into its tarball", () => {
      const result = spawnSync(pnpm.command, [...pnpm.prefix, "pack", "--dry-run", "--json"], {
        cwd: dir,
        encoding: "utf8",
        env: toolEnv,
      });
      assert.equal(result.status, 0, result.stderr);
      /** @type {{ files: { path: string }[] }} */
      const packed = JSON.parse(result.stdout);
      const paths = packed.files.map(({ path }) => path);
      assert.ok(
        paths.includes("LICENSE"),
        `the tarball of ${name} holds ${JSON.stringify(paths)}, no LICENSE`,
      );
    });
  });
}
