// @ts-check
// release.yml's push steps, run as GitHub runs them (bash -eo pipefail) in a scratch repository
// with `gh` stubbed and `git` recorded: the token reaches their own git and gh commands only,
// never .git/config or ~/.gitconfig; the Version Packages PR uses RELEASE_PR_TOKEN when set,
// and otherwise GITHUB_TOKEN with a warning that CI will not run on the PR.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { repoRoot } from "../lib/apis.mjs";
import { loadValidators } from "../workflow-lint/validate.mjs";

const temp = mkdtempSync(join(tmpdir(), "release-push-"));
after(() => rmSync(temp, { recursive: true, force: true }));
const SERVER = "https://git.example.test";
const realGit = spawnSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).stdout.trim();

/** @type {{ version: Record<string, any>; tags: Record<string, any> }} */
const steps = { version: {}, tags: {} };
before(async () => {
  const { yaml } = await loadValidators({ log: () => {} });
  /** @type {any} */
  const workflow = yaml
    .parseDocument(readFileSync(join(repoRoot, ".github/workflows/release.yml"), "utf8"))
    .toJS();
  const find = (/** @type {string} */ job, /** @type {string} */ name) =>
    workflow.jobs[job].steps.find((/** @type {any} */ step) => step.name === name);
  steps.version = find("version", "Push the branch, open or update the Version Packages PR");
  steps.tags = find("publish", "Push the release tags");
});

/**
 * A scratch clone with a bare `origin`, and a bin folder with `gh` stubbed and `git` recorded.
 * @param {string} name
 */
function scratch(name) {
  const root = join(temp, name);
  const bin = join(root, "bin");
  const log = join(root, "calls.log");
  mkdirSync(bin, { recursive: true });
  const run = (/** @type {string[]} */ args, /** @type {string} */ cwd) => {
    const result = spawnSync(realGit, args, { cwd, encoding: "utf8", env: { ...process.env, HOME: root } });
    assert.equal(result.status, 0, result.stderr);
  };
  run(["init", "-q", "--bare", "origin.git"], root);
  run(["init", "-q", "-b", "main", "work"], root);
  const work = join(root, "work");
  run(
    ["-c", "user.name=t", "-c", "user.email=t@t.invalid", "commit", "-q", "--allow-empty", "-m", "base"],
    work,
  );
  run(["remote", "add", "origin", join(root, "origin.git")], work);
  // What `changeset version` leaves: a changeset gone, a package bumped.
  for (const folder of [".changeset", "packages/types"]) mkdirSync(join(work, folder), { recursive: true });
  writeFileSync(join(work, ".changeset/x.md"), "changed\n");
  writeFileSync(join(work, "packages/types/package.json"), '{ "version": "0.2.0" }\n');
  // Each call: the command, its args, and the credentials it could see.
  const record = `printf '%s|%s|GH_TOKEN=%s|HEADER=%s\\n' "$(basename "$0")" "$*" "\${GH_TOKEN:-}" "\${GIT_CONFIG_VALUE_0:-}" >> ${JSON.stringify(log)}`;
  writeFileSync(join(bin, "git"), `#!/bin/sh\n${record}\nexec ${JSON.stringify(realGit)} "$@"\n`);
  writeFileSync(
    join(bin, "gh"),
    `#!/bin/sh\n${record}\nif [ "$1 $2" = "pr list" ]; then printf '%s\\n' "\${OPEN_PR:-}"; fi\n`,
  );
  for (const file of ["git", "gh"]) chmodSync(join(bin, file), 0o755);
  writeFileSync(join(root, "version-pr.md"), "body\n");
  return { root, work, bin, log };
}

/**
 * Runs a step's script in `work` with the runner's variables and the step's env.
 * @param {Record<string, any>} step @param {ReturnType<typeof scratch>} where @param {Record<string, string>} env
 */
function runStep(step, { root, work, bin }, env) {
  const script = join(root, "step.sh");
  writeFileSync(script, step.run);
  return spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], {
    cwd: work,
    encoding: "utf8",
    env: {
      PATH: `${bin}:${process.env.PATH ?? ""}`,
      HOME: root,
      RUNNER_TEMP: root,
      GITHUB_SERVER_URL: SERVER,
      GIT_CONFIG_NOSYSTEM: "1",
      ...env,
    },
  });
}
const header = (/** @type {string} */ token) =>
  `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`).toString("base64")}`;

/** Checks that no token was left in any git config file. @param {ReturnType<typeof scratch>} where @param {string[]} tokens */
function assertNothingPersisted({ root, work }, tokens) {
  const configs = [join(work, ".git/config"), join(root, ".gitconfig")].map((path) => {
    try {
      return readFileSync(path, "utf8");
    } catch {
      return "";
    }
  });
  for (const text of configs) {
    assert.doesNotMatch(text, /extraheader|AUTHORIZATION|credential/i);
    for (const token of tokens) assert.ok(!text.includes(token));
  }
}

describe("the Version Packages PR step", () => {
  const env = { BRANCH: "changeset-release/main", FALLBACK_TOKEN: "ghs_fallback" };

  test("with RELEASE_PR_TOKEN: pushes and opens the PR with it, warns of nothing, persists nothing", () => {
    const where = scratch("app-token");
    const result = runStep(steps.version, where, { ...env, RELEASE_PR_TOKEN: "ghp_release" });
    assert.equal(result.status, 0, result.stderr);
    assert.doesNotMatch(result.stdout, /::warning/);
    assert.match(
      result.stdout,
      new RegExp(`^::add-mask::${Buffer.from("x-access-token:ghp_release").toString("base64")}$`, "m"),
    );
    const calls = readFileSync(where.log, "utf8").trim().split("\n");
    const push = calls.find((call) => call.startsWith("git|push --force origin changeset-release/main|"));
    assert.ok(push?.endsWith(`|HEADER=${header("ghp_release")}`), push);
    assert.ok(
      calls.some(
        (call) =>
          call.startsWith("gh|pr create --base main --head changeset-release/main") &&
          call.includes("|GH_TOKEN=ghp_release|"),
      ),
    );
    assert.ok(!calls.join("\n").includes("ghs_fallback"), "the fallback token is not used");
    const branch = spawnSync(realGit, ["log", "-1", "--format=%s", "changeset-release/main"], {
      cwd: join(where.root, "origin.git"),
      encoding: "utf8",
    });
    assert.equal(branch.stdout.trim(), "Version Packages");
    assertNothingPersisted(where, ["ghp_release", "ghs_fallback"]);
  });

  test("without it: GITHUB_TOKEN, and a warning annotation that CI will not run on the PR", () => {
    const where = scratch("fallback");
    const result = runStep(steps.version, where, { ...env, RELEASE_PR_TOKEN: "", OPEN_PR: "12" });
    assert.equal(result.status, 0, result.stderr);
    assert.match(
      result.stdout,
      /^::warning title=CI will not run on the Version Packages PR::No RELEASE_PR_TOKEN secret: .*CI will not run on the PR\./m,
    );
    const calls = readFileSync(where.log, "utf8");
    assert.ok(calls.includes(`|HEADER=${header("ghs_fallback")}`));
    assert.match(calls, /^gh\|pr edit 12 --title Version Packages --body-file .*\|GH_TOKEN=ghs_fallback\|/m);
    assertNothingPersisted(where, ["ghs_fallback"]);
  });
});

test("the release tags step: pushes the tags with the job's token, for that push alone", () => {
  const where = scratch("tags");
  const tag = spawnSync(
    realGit,
    ["-c", "user.name=t", "-c", "user.email=t@t.invalid", "tag", "-a", "@x/types@1.0.0", "-m", "x"],
    {
      cwd: where.work,
    },
  );
  assert.equal(tag.status, 0);
  const result = runStep(steps.tags, where, { PUSH_TOKEN: "ghs_job" });
  assert.equal(result.status, 0, result.stderr);
  assert.match(
    readFileSync(where.log, "utf8"),
    new RegExp(
      `^git\\|push origin --tags\\|GH_TOKEN=\\|HEADER=${header("ghs_job").replace(/[+/=]/g, "\\$&")}$`,
      "m",
    ),
  );
  const tags = spawnSync(realGit, ["tag", "--list"], {
    cwd: join(where.root, "origin.git"),
    encoding: "utf8",
  });
  assert.equal(tags.stdout.trim(), "@x/types@1.0.0");
  assertNothingPersisted(where, ["ghs_job"]);
});
