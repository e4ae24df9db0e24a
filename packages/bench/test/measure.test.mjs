// @ts-check
// One measured command: its time, its failure, and the peak RSS of every Node process it started.
import assert from "node:assert/strict";
import { tmpdir } from "node:os";
import { describe, test } from "node:test";
import { lastJson, measure, peakRssMiB } from "../src/measure.mjs";

const cwd = tmpdir();

describe("measure", () => {
  test("times a command and reads the peak RSS of every Node process it started", () => {
    const child =
      "require('node:child_process').spawnSync(process.execPath, ['-e', 'Buffer.alloc(64 * 2 ** 20, 1)'])";
    const run = measure(process.execPath, ["-e", child], { cwd, memory: true });
    assert.ok(run.seconds > 0);
    assert.equal(run.processes.length, 2);
    const [inner, outer] = run.processes;
    assert.equal(inner?.ppid, outer?.pid);
    assert.ok(peakRssMiB(run.processes) >= 64, "the child's 64 MiB buffer");
  });
  test("a failing command throws with its exit status and output", () => {
    assert.throws(
      () => measure(process.execPath, ["-e", "console.error('boom'); process.exit(3)"], { cwd }),
      /failed \(exit 3\)[\s\S]*boom/,
    );
  });
  test("lastJson reads a bench's --json line after anything else it printed", () => {
    assert.deepEqual(lastJson('warming up\n{"rounds":3}\n'), { rounds: 3 });
  });
  test("peakRssMiB refuses to report a peak when no process matched", () => {
    assert.throws(() => peakRssMiB([], () => true), /no measured Node process matched/);
  });
});
