// @ts-check
// release:e2e leaves nothing running: commands and servers are stopped by PID (with their own
// children) on close, on failure and on timeout, and a server exits by itself when release:e2e
// is killed outright.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { pathToFileURL } from "node:url";
import { repoRoot } from "../lib/apis.mjs";
import { CommandError, createScope } from "../release-e2e/processes.mjs";

const temp = mkdtempSync(join(tmpdir(), "release-e2e-processes-"));
after(() => rmSync(temp, { recursive: true, force: true }));

const server = join(temp, "server.mjs");
writeFileSync(
  server,
  'import { createServer } from "node:http";\nconst s = createServer((_, res) => res.end("ok")).listen(0, "127.0.0.1", () => console.log("ready http://127.0.0.1:" + s.address().port + "/"));\n',
);
const readyUrl = (/** @type {string} */ line) => /^ready (http:\S+)$/.exec(line)?.[1];

/** @param {number} pid */
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
// Generous bounds on a busy machine: the polls end as soon as the awaited thing happens.
/** Waits up to 30 s for `pid` to be gone. @param {number} pid */
async function gone(pid) {
  for (let tries = 0; tries < 300 && alive(pid); tries += 1) await sleep(100);
  return !alive(pid);
}

describe("scope.run", () => {
  test("resolves with the output of a command that succeeds", async () => {
    const scope = createScope();
    const { stdout } = await scope.run("echo", "sh", ["-c", "echo hello; echo warn >&2"], { cwd: temp });
    assert.equal(stdout, "hello\n");
    await scope.close();
  });

  test("rejects with the title, the exit code and the end of the output", async () => {
    const scope = createScope();
    await assert.rejects(
      scope.run("the step", "sh", ["-c", "echo one; echo two >&2; exit 3"], { cwd: temp }),
      (error) => {
        assert.ok(error instanceof CommandError);
        assert.match(error.message, /^the step failed: `sh -c .*` exited with 3\.$/);
        assert.equal(/** @type {CommandError} */ (error).output, "one\ntwo");
        return true;
      },
    );
    await scope.close();
  });

  test("stops a command that outlives its timeout, and its children with it", async () => {
    const scope = createScope();
    const pidFile = join(temp, "timeout-child.pid");
    // Long enough for the shell to start its child even on a loaded machine.
    await assert.rejects(
      scope.run("slow", "sh", ["-c", `sleep 30 & echo $! > ${pidFile}; wait`], {
        cwd: temp,
        timeoutMs: 2000,
      }),
      /slow failed: .* took longer than 2 s and was stopped\./,
    );
    assert.ok(await gone(Number(readFileSync(pidFile, "utf8"))), "the command's own child is gone");
    await scope.close();
  });

  test("close() stops a running command and its children, and removes the scope's folders", async () => {
    const scope = createScope();
    const folder = mkdtempSync(join(temp, "folder-"));
    scope.addFolder(folder);
    const pidFile = join(temp, "close-child.pid");
    const running = scope.run("long", "sh", ["-c", `sleep 30 & echo $! > ${pidFile}; wait`], { cwd: temp });
    const rejected = assert.rejects(running, /long failed/);
    for (let tries = 0; tries < 600; tries += 1) {
      try {
        if (readFileSync(pidFile, "utf8").trim()) break;
      } catch {
        // Not written yet.
      }
      await sleep(50);
    }
    await scope.close();
    await rejected;
    assert.ok(await gone(Number(readFileSync(pidFile, "utf8"))));
    assert.throws(() => readFileSync(join(folder, "x")), /ENOENT/);
    assert.equal(scope.running(), 0);
    await assert.rejects(async () => scope.run("late", "true", [], { cwd: temp }), /is stopping/);
  });
});

describe("scope.startServer", () => {
  test("resolves once the server says it is ready; close() stops it", async () => {
    const scope = createScope();
    const started = await scope.startServer("server", server, [], { cwd: temp, ready: readyUrl });
    assert.equal(await (await fetch(started.value)).text(), "ok");
    assert.ok(alive(started.pid));
    await scope.close();
    assert.ok(await gone(started.pid));
  });

  test("rejects, and leaves nothing running, when the server exits before it is ready", async () => {
    const scope = createScope();
    await assert.rejects(
      scope.startServer("broken", join(temp, "no-such-script.mjs"), [], { cwd: temp, ready: readyUrl }),
      /broken exited \(1\) before it was ready\./,
    );
    assert.equal(scope.running(), 0);
    await scope.close();
  });

  test("a server exits by itself when release:e2e is killed outright (SIGKILL runs no cleanup)", async () => {
    const parent = join(temp, "parent.mjs");
    const processes = pathToFileURL(join(repoRoot, "scripts/release-e2e/processes.mjs")).href;
    writeFileSync(
      parent,
      `import { createScope } from ${JSON.stringify(processes)};\n` +
        "const scope = createScope();\n" +
        `const s = await scope.startServer("server", ${JSON.stringify(server)}, [], { cwd: ${JSON.stringify(temp)}, ready: (l) => (l.startsWith("ready") ? l : undefined) });\n` +
        "console.log('server ' + s.pid);\nsetInterval(() => {}, 1000);\n",
    );
    const child = spawn(process.execPath, [parent], { stdio: ["ignore", "pipe", "inherit"] });
    const serverPid = await new Promise((resolve, reject) => {
      child.stdout.on("data", (chunk) => {
        const match = /server (\d+)/.exec(String(chunk));
        if (match) resolve(Number(match[1]));
      });
      child.once("exit", () => reject(new Error("parent exited early")));
    });
    assert.ok(alive(serverPid));
    child.kill("SIGKILL");
    assert.ok(await gone(serverPid), "the server noticed its stdin close and exited");
  });
});
