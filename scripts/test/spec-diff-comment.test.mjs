// @ts-check
// The sticky-comment job's scripts, run as actions/github-script runs them (an async function
// of github, context, core, require), with a recording GitHub and the artifact as files. This
// job may write to fork PRs, so what it accepts from the artifact is pinned here.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { repoRoot } from "../lib/apis.mjs";
import { loadValidators } from "../workflow-lint/validate.mjs";

const temp = mkdtempSync(join(tmpdir(), "spec-diff-comment-"));
after(() => rmSync(temp, { recursive: true, force: true }));
const require = createRequire(import.meta.url);
const HEAD = "a".repeat(40);
const MARKER = "<!-- spec-diff -->";

/** @type {{ find: string; post: string }} */
const scripts = { find: "", post: "" };
before(async () => {
  const { yaml } = await loadValidators({ log: () => {} });
  const text = readFileSync(join(repoRoot, ".github/workflows/spec-diff-comment.yml"), "utf8");
  /** @type {any} */
  const workflow = yaml.parseDocument(text).toJS();
  /** @type {any[]} */
  const steps = workflow.jobs.comment.steps;
  scripts.find = steps.find((step) => step.id === "find").with.script;
  scripts.post = steps.find((step) => step.name === "Post or update the sticky comment").with.script;
});

/**
 * Runs one step's script with a fake GitHub API; returns what it did.
 * @param {string} script
 * @param {{ artifacts?: { name: string; expired: boolean }[]; prHead?: string; comments?: { id: number; user: { login: string }; body: string }[] }} github
 * @param {Record<string, string>} [files] the downloaded artifact
 */
async function runScript(script, { artifacts = [], prHead = HEAD, comments = [] } = {}, files = {}) {
  const dir = mkdtempSync(join(temp, "artifact-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  /** @type {string[]} */
  const calls = [];
  const outputs = new Map();
  const result = {
    failed: /** @type {string | undefined} */ (undefined),
    notices: /** @type {string[]} */ ([]),
    body: /** @type {string | undefined} */ (undefined),
  };
  const github = {
    paginate: async (/** @type {Function} */ _method, /** @type {object} */ params) => {
      calls.push(`listComments ${JSON.stringify(params)}`);
      return comments;
    },
    rest: {
      actions: { listWorkflowRunArtifacts: async () => ({ data: { artifacts } }) },
      pulls: {
        get: async (/** @type {{ pull_number: number }} */ params) => {
          calls.push(`pulls.get #${params.pull_number}`);
          return { data: { head: { sha: prHead } } };
        },
      },
      issues: {
        listComments: () => {},
        updateComment: async (/** @type {{ comment_id: number; body: string }} */ params) => {
          calls.push(`update ${params.comment_id}`);
          result.body = params.body;
        },
        createComment: async (/** @type {{ issue_number: number; body: string }} */ params) => {
          calls.push(`create #${params.issue_number}`);
          result.body = params.body;
        },
      },
    },
  };
  const context = {
    repo: { owner: "signalwire", repo: "voice-sdk" },
    payload: { workflow_run: { id: 42, head_sha: HEAD, html_url: "https://github.invalid/runs/42" } },
  };
  const core = {
    setFailed: (/** @type {string} */ message) => {
      result.failed = message;
    },
    notice: (/** @type {string} */ message) => result.notices.push(message),
    info: () => {},
    setOutput: (/** @type {string} */ name, /** @type {string} */ value) => outputs.set(name, value),
  };
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor;
  // github-script's own parameters, plus `process` so the test injects ARTIFACT_DIR.
  await new AsyncFunction("require", "github", "context", "core", "process", script)(
    require,
    github,
    context,
    core,
    {
      env: { ARTIFACT_DIR: dir },
    },
  );
  return { ...result, calls, outputs };
}

const report = `${MARKER}\n**Spec diff: minor release needed**\n`;

describe("find the artifact", () => {
  /** @type {[string, { name: string; expired: boolean }[], string][]} */
  const table = [
    ["there", [{ name: "spec-diff", expired: false }], "true"],
    ["expired", [{ name: "spec-diff", expired: true }], "false"],
    ["another artifact only", [{ name: "coverage", expired: false }], "false"],
    ["none (the run failed before the diff)", [], "false"],
  ];
  for (const [name, artifacts, found] of table) {
    test(`${name} → found=${found}`, async () => {
      const { outputs } = await runScript(scripts.find, { artifacts });
      assert.equal(outputs.get("found"), found);
    });
  }
});

describe("post or update the sticky comment", () => {
  test("creates the comment when there is none, with a link to the run", async () => {
    const run = await runScript(scripts.post, {}, { "pr-number": "17\n", "comment.md": report });
    assert.equal(run.failed, undefined);
    assert.deepEqual(run.calls, [
      "pulls.get #17",
      'listComments {"owner":"signalwire","repo":"voice-sdk","issue_number":17,"per_page":100}',
      "create #17",
    ]);
    assert.ok(run.body?.startsWith(report));
    assert.match(
      run.body ?? "",
      /From \[Spec diff run 42\]\(https:\/\/github\.invalid\/runs\/42\) on aaaaaaa\./,
    );
  });

  test("updates its own earlier comment, not someone else's that quotes the marker", async () => {
    const comments = [
      { id: 1, user: { login: "someone" }, body: `${MARKER} quoted` },
      { id: 2, user: { login: "github-actions[bot]" }, body: `${MARKER}\nold report` },
    ];
    const run = await runScript(scripts.post, { comments }, { "pr-number": "17", "comment.md": report });
    assert.equal(run.calls.at(-1), "update 2");
  });

  /** @type {[string, string][]} */
  const badNumbers = [
    ["not a number", "17; rm -rf /"],
    ["zero", "0"],
    ["negative", "-3"],
    ["too long", "12345678901"],
    ["empty", ""],
  ];
  for (const [name, number] of badNumbers) {
    test(`refuses a PR number that is ${name}, before any API call`, async () => {
      const run = await runScript(scripts.post, {}, { "pr-number": number, "comment.md": report });
      assert.match(run.failed ?? "", /pr-number is not a PR number/);
      assert.deepEqual(run.calls, []);
    });
  }

  test("does not comment on a PR whose head is not the commit the run diffed", async () => {
    const run = await runScript(
      scripts.post,
      { prHead: "b".repeat(40) },
      { "pr-number": "17", "comment.md": report },
    );
    assert.deepEqual(run.calls, ["pulls.get #17"]);
    assert.match(run.notices[0] ?? "", /not this run's a{40}; not commenting/);
  });

  test("refuses markdown that is not spec-diff's (no marker first)", async () => {
    const run = await runScript(scripts.post, {}, { "pr-number": "17", "comment.md": `hello\n${MARKER}` });
    assert.match(run.failed ?? "", /does not start with <!-- spec-diff -->/);
    assert.ok(!run.calls.some((call) => call.startsWith("create") || call.startsWith("update")));
  });

  test("neutralises @mentions and team mentions from the PR's text, with a zero-width joiner", async () => {
    const mentions = [
      "@octocat",
      "@signalwire/voice-team",
      "@-dash",
      "&#64;admin",
      "&#064;admin2",
      "&#x40;staff",
      "&commat;ops",
      "&#64nosemicolon",
      "(@paren)",
      "**@bold**",
      "`@code`",
      "mail@example.com",
    ];
    const text = `${MARKER}\n| major | Removed. Ping ${mentions.join(" ")} please |\n`;
    const run = await runScript(scripts.post, {}, { "pr-number": "17", "comment.md": text });
    assert.equal(run.failed, undefined);
    const body = run.body ?? "";
    assert.ok(body.startsWith(MARKER), "the marker stays, so the comment is found and updated next time");
    // GitHub mentions an @ followed by a name character; none is left, however it was spelt.
    assert.doesNotMatch(body, /@[\w-]/);
    assert.doesNotMatch(body, /&#0*64|&#x0*40|&commat;/i);
    for (const name of [
      "octocat",
      "signalwire/voice-team",
      "-dash",
      "admin",
      "staff",
      "ops",
      "paren",
      "code",
    ]) {
      assert.ok(body.includes(`@\u200D${name}`), `@${name} neutralised, still readable`);
    }
    // Nothing else changes.
    assert.equal(
      body.replaceAll("\u200D", "").split("\n")[1],
      text.replace(/&#0*64;?|&#x0*40;?|&commat;/gi, "@").split("\n")[1],
    );
  });

  test("leaves a report without mentions as it is", async () => {
    const run = await runScript(scripts.post, {}, { "pr-number": "17", "comment.md": report });
    assert.ok(run.body?.startsWith(report));
    assert.ok(!run.body?.includes("\u200D"));
  });

  test("cuts a report over GitHub's comment limit", async () => {
    const huge = `${MARKER}\n${"| row |\n".repeat(20_000)}`;
    const run = await runScript(scripts.post, {}, { "pr-number": "17", "comment.md": huge });
    assert.ok((run.body?.length ?? 0) < 65_536);
    assert.match(run.body ?? "", /cut: the full report is in the run's spec-diff artifact/);
  });
});

test("the artifact folder is the step's env, not a path the artifact chooses", () => {
  assert.match(scripts.post, /const dir = process\.env\.ARTIFACT_DIR;/);
  assert.match(scripts.post, /path\.join\(dir, "pr-number"\)/);
  assert.match(scripts.post, /path\.join\(dir, "comment\.md"\)/);
});
