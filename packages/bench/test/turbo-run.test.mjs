// @ts-check
// Which turbo tasks count as downstream of an edit, from the two lists of turbo's run summary.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { downstreamOf } from "../src/turbo-run.mjs";

describe("downstreamOf", () => {
  /** @param {string} taskId @param {string[]} dependencies @param {string[]} [dependents] */
  const task = (taskId, dependencies, dependents = []) => ({
    taskId,
    real: true,
    hit: false,
    seconds: 0,
    dependencies,
    dependents,
  });
  test("follows edges from either list of turbo's summary, through tasks without a script", () => {
    const tasks = [
      task("spec#spec:lint", [], ["spec#spec:bundle"]),
      task("spec#spec:bundle", ["spec#spec:lint"]),
      task("types#generate", ["spec#spec:bundle"]),
      // No script (turbo keeps it in the graph); diff#build is reached only through its `dependents`.
      task("diff#generate", ["spec#spec:bundle"], ["diff#build"]),
      task("diff#build", []),
      task("rest#spec:lint", []),
    ];
    assert.deepEqual([...downstreamOf(tasks, "spec#spec:lint")].sort(), [
      "diff#build",
      "diff#generate",
      "spec#spec:bundle",
      "spec#spec:lint",
      "types#generate",
    ]);
  });
});
