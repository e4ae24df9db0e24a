// @ts-check
// release:e2e leaves nothing running and nothing behind: commands end with their output or a
// CommandError, a command past its time limit is stopped, servers are stopped on stop() and on
// exit, a server exits by itself when release:e2e is killed outright, and the temp folders of
// killed runs are removed by the next one.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { pathToFileURL } from "node:url";
import { repoRoot } from "../lib/apis.mjs";
import { CommandError, run, runningCount, startServer, tempFolder } from "../release-e2e/commands.mjs";

const temp = mkdtempSync(join(tmpdir(), "release-e2e-commands-"));
after(() => rmSync(temp, { recursive: true, force: true }));
const commands = pathToFileURL(join(repoRoot, "scripts/release-e2e/commands.mjs")).href;

const server = join(temp, "server.mjs");
writeFileSync(
  server,
  'import { createServer } from "node:http";\nconst s = createServer((_, res) => res.end("ok")).listen(0, "127.0.0.1", () => console.log("ready http://127.0.0.1:" + s.address().port + "/"));\n',
);
const readyUrl = (/** @type {string} */ log) => /^ready (http:\S+)$/m.exec(log)?.[1];

/** @param {number} pid */
function alive(pid) {
  try {
    return process.kill(pid, 0);
  } catch {
    return false;
  }
}
/** Waits up to 30 s (a busy machine) for `pid` to be gone. @param {number} pid */
async function gone(pid) {
  for (let tries = 0; tries < 300 && alive(pid); tries += 1) await sleep(100);
  return !alive(pid);
}
/**
 * Runs `code` (an ES module importing commands.mjs as `commands`) in a child Node; resolves
 * with the first number it prints, and the child.
 * @param {string} code
 */
async function parent(code) {
  const file = join(temp, `parent-${Date.now()}.mjs`);
  writeFileSync(
    file,
    `import * as commands from ${JSON.stringify(commands)};\n${code}\nsetInterval(() => {}, 1000);\n`,
  );
  const child = spawn(process.execPath, [file], { stdio: ["ignore", "pipe", "inherit"] });
  const pid = await new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk) => {
      const match = /(\d+)/.exec(String(chunk));
      if (match) resolve(Number(match[1]));
    });
    child.once("exit", () => reject(new Error("the parent exited early")));
  });
  return { pid, child };
}

describe("run", () => {
  test("resolves with the output of a command that succeeds", async () => {
    const { stdout, stderr } = await run("echo", "sh", ["-c", "echo hello; echo warn >&2"], { cwd: temp });
    assert.deepEqual([stdout, stderr], ["hello\n", "warn\n"]);
  });

  test("rejects with the title, the exit code and the end of the output", async () => {
    await assert.rejects(
      run("the step", "sh", ["-c", "echo one; echo two >&2; exit 3"], { cwd: temp }),
      (error) => {
        assert.ok(error instanceof CommandError);
        assert.match(error.message, /^the step failed: `sh -c .*` exited with 3\.$/);
        assert.equal(/** @type {CommandError} */ (error).output, "one\ntwo");
        return true;
      },
    );
  });

  test("rejects when the command cannot start", async () => {
    await assert.rejects(
      run("missing", "no-such-command-here", [], { cwd: temp }),
      /missing failed: .* could not run/,
    );
  });

  test("stops a command that outlives its time limit", async () => {
    const pidFile = join(temp, "slow.pid");
    await assert.rejects(
      run(
        "slow",
        process.execPath,
        [
          "-e",
          `require("fs").writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); setTimeout(() => {}, 30000)`,
        ],
        {
          cwd: temp,
          timeoutMs: 2000,
        },
      ),
      /slow failed: .* took longer than 2 s and was stopped\./,
    );
    assert.ok(await gone(Number(readFileSync(pidFile, "utf8"))));
    assert.equal(runningCount(), 0);
  });

  test("a command still running when release:e2e exits is stopped", async () => {
    const pidFile = join(temp, "long.pid");
    const script = `require("fs").writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); setTimeout(() => {}, 30000)`;
    const { pid, child } = await parent(
      `commands.run("long", process.execPath, ["-e", ${JSON.stringify(script)}], { cwd: process.cwd() }).catch(() => {});\n` +
        `const { readFileSync } = await import("node:fs");\nconst read = () => { try { return readFileSync(${JSON.stringify(pidFile)}, "utf8"); } catch { return ""; } };\n` +
        "while (!read()) await new Promise((r) => setTimeout(r, 50));\nconsole.log(read());\nsetTimeout(() => process.exit(0), 100);",
    );
    await new Promise((resolve) => child.once("exit", resolve));
    assert.ok(await gone(pid), "the exit handler stopped the command");
  });
});

describe("startServer", () => {
  test("resolves once the server is ready; stop() stops it", async () => {
    const started = await startServer("server", server, [], {
      cwd: temp,
      log: join(temp, "a.log"),
      ready: readyUrl,
    });
    assert.equal(await (await fetch(started.value)).text(), "ok");
    const pid = /** @type {number} */ (started.pid);
    assert.ok(alive(pid));
    await started.stop();
    assert.ok(await gone(pid));
    assert.equal(runningCount(), 0);
  });

  test("rejects, with the server's output, and leaves nothing running when it exits before it is ready", async () => {
    await assert.rejects(
      startServer("broken", join(temp, "no-such-script.mjs"), [], {
        cwd: temp,
        log: join(temp, "b.log"),
        ready: readyUrl,
      }),
      (error) => {
        assert.match(/** @type {Error} */ (error).message, /^broken exited before it was ready\.$/);
        assert.match(/** @type {CommandError} */ (error).output, /Cannot find module/);
        return true;
      },
    );
    assert.equal(runningCount(), 0);
  });

  test("rejects and stops the server when it is not ready in time", async () => {
    await assert.rejects(
      startServer("silent", server, [], {
        cwd: temp,
        log: join(temp, "c.log"),
        timeoutMs: 1500,
        ready: () => undefined,
      }),
      /^CommandError: silent was not ready after 1\.5 s\.$/,
    );
    assert.equal(runningCount(), 0);
  });

  test("a server is stopped when release:e2e exits", async () => {
    const { pid, child } = await parent(
      `const s = await commands.startServer("server", ${JSON.stringify(server)}, [], { cwd: ${JSON.stringify(temp)}, log: ${JSON.stringify(join(temp, "d.log"))}, ready: (l) => (l.includes("ready") ? l : undefined) });\n` +
        "console.log(String(s.pid));\nsetTimeout(() => process.exit(0), 100);",
    );
    await new Promise((resolve) => child.once("exit", resolve));
    assert.ok(await gone(pid), "the exit handler stopped the server");
  });

  test("a server exits by itself when release:e2e is killed outright (SIGKILL runs no handler)", async () => {
    const { pid, child } = await parent(
      `const s = await commands.startServer("server", ${JSON.stringify(server)}, [], { cwd: ${JSON.stringify(temp)}, log: ${JSON.stringify(join(temp, "e.log"))}, ready: (l) => (l.includes("ready") ? l : undefined) });\n` +
        "console.log(String(s.pid));",
    );
    assert.ok(alive(pid));
    child.kill("SIGKILL");
    assert.ok(await gone(pid), "the server saw its stdin close and exited");
  });
});

test("tempFolder: a folder named after this process; the folders of runs that are gone are removed, others kept", async () => {
  const dir = join(temp, "tmp");
  mkdirSync(dir);
  const dead = spawn(process.execPath, ["-e", ""]);
  const deadPid = /** @type {number} */ (dead.pid);
  await new Promise((resolve) => dead.once("exit", resolve));
  const folders = {
    stale: `release-e2e-${deadPid}-abc`,
    running: `release-e2e-${process.ppid}-abc`,
    other: `other-${deadPid}-abc`,
  };
  for (const folder of Object.values(folders)) mkdirSync(join(dir, folder));
  /** @type {string[]} */
  const lines = [];
  const mine = tempFolder({ keep: true, log: (line) => lines.push(line), dir });
  assert.match(mine, new RegExp(`/release-e2e-${process.pid}-\\w+$`));
  assert.deepEqual(
    Object.entries(folders).map(([name, folder]) => [name, existsSync(join(dir, folder))]),
    [
      ["stale", false],
      ["running", true],
      ["other", true],
    ],
  );
  assert.deepEqual(lines, [
    `Removed ${join(dir, folders.stale)}, left by a run that was killed (pid ${deadPid}).`,
  ]);
  assert.equal(readdirSync(dir).length, 3);
});
