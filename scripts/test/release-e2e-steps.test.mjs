// @ts-check
// The pieces release:e2e is made of, outside a full run: the repository step and its check
// against what the registry serves, the closing table, the cleanup of killed runs' folders
// and the command line.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { repoRoot } from "../lib/apis.mjs";
import { versionsTable } from "../release-e2e/report.mjs";
import { expectRepository, nameRepository, STAND_IN_RUNNER } from "../release-e2e/repository.mjs";
import { claimFolder, removeStaleFolders } from "../release-e2e/stale-folders.mjs";

const temp = mkdtempSync(join(tmpdir(), "release-e2e-steps-"));
after(() => rmSync(temp, { recursive: true, force: true }));

describe("the repository step", () => {
  test("runs scripts/release-repository.mjs in the copy with the stand-in runner's values", async () => {
    /** @type {{ command: string; args: string[]; cwd: string; env: NodeJS.ProcessEnv }[]} */
    const calls = [];
    await nameRepository(
      async (_title, command, args, { cwd, env }) => {
        calls.push({ command, args, cwd, env });
        return { stdout: "" };
      },
      "/copy",
      { PATH: "/bin", GITHUB_REPOSITORY: "real/repo" },
    );
    assert.deepEqual(calls, [
      {
        command: process.execPath,
        args: ["scripts/release-repository.mjs"],
        cwd: "/copy",
        env: { PATH: "/bin", ...STAND_IN_RUNNER },
      },
    ]);
  });

  /** @type {Record<string, unknown>} name → packument */
  const packuments = {};
  /** @type {import("node:http").Server} */
  let server;
  let registry = "";
  before(async () => {
    server = createServer((request, response) => {
      const name = decodeURIComponent((request.url ?? "").slice(1));
      const packument = packuments[name];
      response.writeHead(packument ? 200 : 404, { "content-type": "application/json" });
      response.end(JSON.stringify(packument ?? { error: "not found" }));
    });
    await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
    const address = /** @type {import("node:net").AddressInfo} */ (server.address());
    registry = `http://127.0.0.1:${address.port}/`;
  });
  after(() => server.close());
  const url = `git+${STAND_IN_RUNNER.GITHUB_SERVER_URL}/${STAND_IN_RUNNER.GITHUB_REPOSITORY}.git`;
  const published = [{ name: "@x/types", version: "0.2.0", dir: "/copy/packages/types" }];

  test("accepts what the registry serves when it names the repository and the package's folder", async () => {
    packuments["@x/types"] = {
      versions: { "0.2.0": { repository: { type: "git", url, directory: "packages/types" } } },
    };
    assert.equal(await expectRepository(registry, "/copy", published), url);
  });

  /** @type {[string, unknown][]} */
  const wrong = [
    ["no repository", undefined],
    [
      "another repository",
      { type: "git", url: "git+https://elsewhere.test/a/b.git", directory: "packages/types" },
    ],
    ["another folder", { type: "git", url, directory: "packages/client" }],
  ];
  for (const [name, repository] of wrong) {
    test(`refuses ${name}`, async () => {
      packuments["@x/types"] = { versions: { "0.2.0": { repository } } };
      await assert.rejects(
        expectRepository(registry, "/copy", published),
        /The registry serves @x\/types@0\.2\.0 with repository .*, not \{"type":"git"/,
      );
    });
  }
});

test("versionsTable: a column per stage with each change's level, and what the registry holds", () => {
  const history = [
    new Map([
      ["@x/types", "0.1.0"],
      ["@x/mock", "0.1.0"],
    ]),
    new Map([
      ["@x/types", "0.2.0"],
      ["@x/mock", "0.1.1"],
    ]),
  ];
  const held = new Map([["@x/types", "0.1.0, 0.2.0"]]);
  assert.equal(
    versionsTable(["first", "after minor"], history, held),
    [
      "package   first  after minor    registry holds",
      "────────  ─────  ─────────────  ──────────────",
      "@x/types  0.1.0  0.2.0 (minor)  0.1.0, 0.2.0",
      "@x/mock   0.1.0  0.1.1 (patch)  ",
    ].join("\n"),
  );
});

test("removeStaleFolders: removes the folders of runs that are gone, not of running ones or others", async () => {
  const dir = join(temp, "tmp");
  mkdirSync(dir);
  const dead = spawn(process.execPath, ["-e", ""]);
  const deadPid = /** @type {number} */ (dead.pid);
  await new Promise((resolve) => dead.once("exit", resolve));
  const folders = {
    stale: join(dir, "release-e2e-stale"),
    mine: join(dir, "release-e2e-mine"),
    unowned: join(dir, "release-e2e-unowned"),
    other: join(dir, "other-stale"),
  };
  for (const folder of Object.values(folders)) mkdirSync(folder);
  writeFileSync(join(folders.stale, ".owner-pid"), String(deadPid));
  writeFileSync(join(folders.other, ".owner-pid"), String(deadPid));
  claimFolder(folders.mine);
  /** @type {string[]} */
  const lines = [];
  removeStaleFolders((line) => lines.push(line), dir);
  assert.deepEqual(
    Object.entries(folders).map(([name, folder]) => [name, existsSync(folder)]),
    [
      ["stale", false],
      ["mine", true],
      ["unowned", true],
      ["other", true],
    ],
  );
  assert.deepEqual(lines, [`  removed ${folders.stale}, left by a run that was killed (pid ${deadPid})`]);
});

describe("the command line", () => {
  const run = (/** @type {string[]} */ ...args) =>
    spawnSync(process.execPath, [join(repoRoot, "scripts/release-e2e.mjs"), ...args], { encoding: "utf8" });
  test("--help prints the options and runs nothing", () => {
    const result = run("--help");
    assert.equal(result.status, 0);
    assert.match(
      result.stdout,
      /^Usage: pnpm release:e2e \[--ref <git revision>\] \[--keep\] \[--verbose\]\n/,
    );
    assert.match(result.stdout, /--keep {8}leave the temporary folder/);
  });
  test("an unknown argument, or --ref without a revision: exit 2 with the usage", () => {
    for (const [args, message] of /** @type {const} */ ([
      [["--publish"], /unknown argument --publish/],
      [["--ref"], /--ref needs a git revision/],
      [["--ref", "--keep"], /--ref needs a git revision/],
    ])) {
      const result = run(...args);
      assert.equal(result.status, 2, args.join(" "));
      assert.match(result.stderr, message);
      assert.match(result.stderr, /Usage: pnpm release:e2e/);
    }
  });
});
