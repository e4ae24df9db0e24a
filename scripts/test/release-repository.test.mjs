// @ts-check
// release.yml sets `repository` in every published package.json from the runner's
// GITHUB_SERVER_URL and GITHUB_REPOSITORY before a provenance publish (npm refuses one without
// it), and refuses, changing nothing, when they are absent or malformed.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { repoRoot } from "../lib/apis.mjs";
import { repositoryField, repositoryFromEnv, withRepository } from "../release-repository.mjs";

const temp = mkdtempSync(join(tmpdir(), "release-repository-"));
after(() => rmSync(temp, { recursive: true, force: true }));
const SERVER = "https://git.example.test";

describe("repositoryFromEnv", () => {
  /** @type {[string, string, string, { server: string; owner: string; name: string }][]} */
  const accepted = [
    [
      "a server and owner/repo",
      SERVER,
      "acme/voice-sdk",
      { server: SERVER, owner: "acme", name: "voice-sdk" },
    ],
    [
      "a trailing slash",
      `${SERVER}/`,
      "acme/voice-sdk",
      { server: SERVER, owner: "acme", name: "voice-sdk" },
    ],
    [
      "a port, dots and underscores",
      `${SERVER}:8443`,
      "a-1/x.y_z",
      { server: `${SERVER}:8443`, owner: "a-1", name: "x.y_z" },
    ],
  ];
  for (const [name, server, repository, want] of accepted) {
    test(`accepts ${name}`, () => {
      assert.deepEqual(repositoryFromEnv({ GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository }), want);
    });
  }

  /** @type {[string, NodeJS.ProcessEnv, RegExp][]} */
  const refused = [
    ["no server", { GITHUB_REPOSITORY: "acme/voice-sdk" }, /GITHUB_SERVER_URL is not set/],
    ["no repository", { GITHUB_SERVER_URL: SERVER }, /GITHUB_REPOSITORY is not set/],
    [
      "an empty repository",
      { GITHUB_SERVER_URL: SERVER, GITHUB_REPOSITORY: "" },
      /GITHUB_REPOSITORY is not set/,
    ],
    [
      "a server that is not a URL",
      { GITHUB_SERVER_URL: "git.example.test", GITHUB_REPOSITORY: "a/b" },
      /is not a URL/,
    ],
    [
      "plain http",
      { GITHUB_SERVER_URL: "http://git.example.test", GITHUB_REPOSITORY: "a/b" },
      /not an https:\/\/ URL/,
    ],
    [
      "a server with a path",
      { GITHUB_SERVER_URL: `${SERVER}/acme`, GITHUB_REPOSITORY: "a/b" },
      /not a bare server URL/,
    ],
    [
      "credentials in the server",
      { GITHUB_SERVER_URL: "https://u:p@git.example.test", GITHUB_REPOSITORY: "a/b" },
      /not a bare server URL/,
    ],
    ["a query", { GITHUB_SERVER_URL: `${SERVER}/?x=1`, GITHUB_REPOSITORY: "a/b" }, /not a bare server URL/],
    [
      "a repository without owner",
      { GITHUB_SERVER_URL: SERVER, GITHUB_REPOSITORY: "voice-sdk" },
      /"voice-sdk" is not owner\/repo/,
    ],
    ["three segments", { GITHUB_SERVER_URL: SERVER, GITHUB_REPOSITORY: "a/b/c" }, /is not owner\/repo/],
    ["a parent segment", { GITHUB_SERVER_URL: SERVER, GITHUB_REPOSITORY: "acme/.." }, /is not owner\/repo/],
    ["a space", { GITHUB_SERVER_URL: SERVER, GITHUB_REPOSITORY: "ac me/x" }, /is not owner\/repo/],
    [
      "an owner starting with a hyphen",
      { GITHUB_SERVER_URL: SERVER, GITHUB_REPOSITORY: "-acme/x" },
      /is not owner\/repo/,
    ],
  ];
  for (const [name, env, message] of refused) {
    test(`refuses ${name}, saying no package.json changed`, () => {
      assert.throws(
        () => repositoryFromEnv(env),
        (error) => {
          assert.match(/** @type {Error} */ (error).message, message);
          assert.match(
            /** @type {Error} */ (error).message,
            /^Refusing to set `repository`: .*No package\.json was changed\.$/,
          );
          return true;
        },
      );
    });
  }
});

test("repositoryField: git+<server>/<owner>/<repo>.git, with the package's folder", () => {
  assert.deepEqual(repositoryField({ server: SERVER, owner: "acme", name: "voice-sdk" }, "packages/types"), {
    type: "git",
    url: "git+https://git.example.test/acme/voice-sdk.git",
    directory: "packages/types",
  });
});

describe("withRepository", () => {
  const field = repositoryField({ server: SERVER, owner: "acme", name: "x" }, "packages/x");
  test("goes after license; every other key keeps its place", () => {
    const next = withRepository({ name: "x", version: "1.0.0", license: "MIT", type: "module" }, field);
    assert.deepEqual(Object.keys(next), ["name", "version", "license", "repository", "type"]);
    assert.deepEqual(next.repository, field);
  });
  test("replaces a repository already there, in the same place as a fresh one", () => {
    const next = withRepository({ name: "x", repository: "elsewhere/x", version: "1.0.0" }, field);
    assert.deepEqual(Object.keys(next), ["name", "version", "repository"]);
    assert.deepEqual(next.repository, field);
  });
  test("an empty manifest still gets it", () => {
    assert.deepEqual(withRepository({}, field), { repository: field });
  });
});

describe("the command, on a workspace", () => {
  const root = join(temp, "workspace");
  const manifests = {
    "package.json": { name: "root", private: true },
    "packages/types/package.json": { name: "@acme/types", version: "1.0.0", license: "MIT", type: "module" },
    "packages/client/package.json": { name: "@acme/client", version: "1.0.0", license: "MIT" },
    "packages/internal/package.json": { name: "@acme/internal", version: "0.0.0", private: true },
  };
  const write = () => {
    for (const [path, manifest] of Object.entries(manifests)) {
      mkdirSync(join(root, path, ".."), { recursive: true });
      writeFileSync(join(root, path), `${JSON.stringify(manifest, null, 2)}\n`);
    }
    writeFileSync(join(root, "pnpm-workspace.yaml"), 'packages:\n  - "packages/*"\n');
  };
  const read = (/** @type {string} */ path) => JSON.parse(readFileSync(join(root, path), "utf8"));
  /** @param {NodeJS.ProcessEnv} env */
  const run = (env) => {
    const { GITHUB_SERVER_URL: _s, GITHUB_REPOSITORY: _r, ...rest } = process.env;
    return spawnSync(process.execPath, [join(repoRoot, "scripts/release-repository.mjs"), "--root", root], {
      encoding: "utf8",
      env: { ...rest, ...env },
    });
  };

  test("sets repository on every publishable package, with its own directory, and not on private ones", () => {
    write();
    const result = run({ GITHUB_SERVER_URL: SERVER, GITHUB_REPOSITORY: "acme/voice-sdk" });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /✔ repository → git\+https:\/\/git\.example\.test\/acme\/voice-sdk\.git/);
    for (const name of ["types", "client"]) {
      assert.deepEqual(read(`packages/${name}/package.json`).repository, {
        type: "git",
        url: "git+https://git.example.test/acme/voice-sdk.git",
        directory: `packages/${name}`,
      });
    }
    assert.equal(read("packages/internal/package.json").repository, undefined);
    assert.equal(read("package.json").repository, undefined);
    assert.match(
      readFileSync(join(root, "packages/types/package.json"), "utf8"),
      /^\{\n {2}"name": .*\}\n$/s,
    );
  });

  /** @type {[string, NodeJS.ProcessEnv, RegExp][]} */
  const refused = [
    ["absent", {}, /GITHUB_SERVER_URL is not set/],
    ["malformed", { GITHUB_SERVER_URL: SERVER, GITHUB_REPOSITORY: "acme" }, /"acme" is not owner\/repo/],
  ];
  for (const [name, env, message] of refused) {
    test(`exits 2 with the reason when the runner's variables are ${name}, changing no file`, () => {
      write();
      const before = readFileSync(join(root, "packages/types/package.json"), "utf8");
      const result = run(env);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /✖ release-repository: Refusing to set `repository`/);
      assert.match(result.stderr, message);
      assert.equal(readFileSync(join(root, "packages/types/package.json"), "utf8"), before);
    });
  }

  test("refuses stray arguments", () => {
    const result = spawnSync(
      process.execPath,
      [join(repoRoot, "scripts/release-repository.mjs"), "--repo", "x"],
      {
        encoding: "utf8",
      },
    );
    assert.equal(result.status, 2);
    assert.match(result.stderr, /Usage: node scripts\/release-repository\.mjs \[--root <dir>\]/);
  });
});
