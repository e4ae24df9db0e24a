import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { copyWorkspace, localTurboEnv } from "@signalwire-voice/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Which turbo tasks a spec edit invalidates, read from the task hashes of dry runs on a copy of
// the repo (nothing runs, nothing is cached, the real spec is never touched): an unchanged hash
// is a cache hit. The REST scale proof must cost the voice pipeline nothing once built, and the
// voice pipeline must never re-run the REST spec steps.
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const turbo = join(repoRoot, "node_modules/.bin/turbo");
const voiceSpec = "spec/voice.yaml";
const restSpec = "packages/rest-types/spec/signalwire-rest.yaml";
let work: string;

beforeAll(() => {
  // A space in the path, as in many users' checkouts: turbo's globs and hashes must not care.
  work = copyWorkspace(repoRoot, { prefix: "task isolation " });
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Task id → hash, for every task `npm test` and `npm start` would run. */
function hashes(): Record<string, string> {
  const result = spawnSync(turbo, ["run", "build", "typecheck", "test", "--dry=json"], {
    cwd: work,
    encoding: "utf8",
    env: localTurboEnv(),
  });
  expect(result.status, result.stderr).toBe(0);
  const dry = JSON.parse(result.stdout) as {
    tasks: Array<{ taskId: string; hash: string; command: string }>;
  };
  return Object.fromEntries(
    dry.tasks.filter((task) => task.command !== "<NONEXISTENT>").map((task) => [task.taskId, task.hash]),
  );
}

/** The tasks whose hash changes when `path` gets one more line. */
function invalidatedBy(path: string): string[] {
  const before = hashes();
  const full = join(work, path);
  const text = readFileSync(full, "utf8");
  writeFileSync(full, `${text}# one more line\n`);
  try {
    const after = hashes();
    return Object.keys(after)
      .filter((id) => after[id] !== before[id])
      .sort();
  } finally {
    writeFileSync(full, text);
  }
}

const restSpecSteps = ["spec:lint", "spec:bundle", "generate"].map(
  (task) => `@signalwire-voice/rest-types#${task}`,
);

describe("the REST API's tasks are its own", () => {
  it("a voice spec edit re-runs the voice steps and none of the REST spec steps", () => {
    const invalidated = invalidatedBy(voiceSpec);
    expect(invalidated).toEqual(
      expect.arrayContaining([
        "@signalwire-voice/spec#spec:lint",
        "@signalwire-voice/spec#spec:bundle",
        "@signalwire-voice/types#generate",
        "@signalwire-voice/types#build",
        "@signalwire-voice/client#build",
      ]),
    );
    for (const step of restSpecSteps) expect(invalidated).not.toContain(step);
  });

  it("a REST spec edit re-runs this package's tasks and the consumer test of its types only", () => {
    const invalidated = invalidatedBy(restSpec);
    expect(invalidated).toEqual(
      expect.arrayContaining([...restSpecSteps, "@signalwire-voice/rest-types#typecheck"]),
    );
    // Besides its own tasks, only the consumer test that compiles a user's project with these
    // types (readme-tests' rest-consumer.test.ts); no voice package task.
    expect(invalidated.filter((id) => !id.startsWith("@signalwire-voice/rest-types#"))).toEqual([
      "@signalwire-voice/readme-tests#test",
    ]);
  });
});
