import { type ChildProcess, execFile, spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type RunningMockServer, startMockServer } from "@signalwire-voice/mock-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logIds, PROJECT_ID, TOKEN } from "./helpers/run-main.js";

// The built bin (turbo's test task builds the package first), as package.json's `bin` names it.
const packageJson = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  bin: Record<string, string>;
};
const bin = fileURLToPath(new URL(`../${packageJson.bin["signalwire-voice"]}`, import.meta.url));

let server: RunningMockServer;
let id: string;
beforeAll(async () => {
  server = await startMockServer({ logs: 5, token: TOKEN });
  [id = ""] = await logIds(server, 1);
});
afterAll(() => server.close());

// Async spawn: the mock server answers from this process, which a spawnSync would block.
function runBin(args: string[], env: Record<string, string>) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    execFile(process.execPath, [bin, ...args], { env }, (error, stdout, stderr) => {
      if (error && typeof error.code !== "number") reject(error);
      else resolve({ status: error ? (error.code as number) : 0, stdout, stderr });
    });
  });
}

/** The bin running `logs export … --quiet` against `target`, stdout going to `stdout`. */
function spawnExport(
  target: RunningMockServer,
  args: string[],
  stdout: "pipe" | number,
  env: Record<string, string> = {},
): ChildProcess {
  return spawn(process.execPath, [bin, "logs", "export", ...args, "--quiet"], {
    env: {
      PATH: process.env.PATH ?? "",
      SIGNALWIRE_BASE_URL: target.baseUrl,
      SIGNALWIRE_PROJECT_ID: PROJECT_ID,
      SIGNALWIRE_API_TOKEN: TOKEN,
      ...env,
    },
    stdio: ["ignore", stdout, "pipe"],
  });
}

/** The exit code and stderr of `child` once it is done. */
function exited(child: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  let stderr = "";
  child.stderr?.on("data", (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stderr })));
}

describe("the built bin", () => {
  it("starts with a shebang for node", () => {
    expect(readFileSync(bin, "utf8").split("\n")[0]).toBe("#!/usr/bin/env node");
    expect(packageJson.bin).toEqual({ "signalwire-voice": "./dist/cli.mjs" });
  });

  it("prints a log, reading the credentials from the process environment", async () => {
    const run = await runBin(["logs", "get", id], {
      PATH: process.env.PATH ?? "",
      SIGNALWIRE_BASE_URL: server.baseUrl,
      SIGNALWIRE_PROJECT_ID: PROJECT_ID,
      SIGNALWIRE_API_TOKEN: TOKEN,
    });
    expect(run).toMatchObject({ status: 0, stderr: "" });
    expect(JSON.parse(run.stdout)).toMatchObject({ id });
  });

  it("sets the exit code of the process, and hides a --token", async () => {
    const run = await runBin(["logs", "get", "not-a-uuid", "--token", TOKEN], {
      PATH: process.env.PATH ?? "",
      SIGNALWIRE_BASE_URL: server.baseUrl,
      SIGNALWIRE_PROJECT_ID: PROJECT_ID,
    });
    expect(run).toMatchObject({ status: 2, stdout: "" });
    expect(run.stderr).toMatch(/^signalwire-voice: Bad path\.id: [^\n]+\n$/);
    expect(run.stderr).not.toContain(TOKEN);
  });

  it("stops silently with 141 when the reader of stdout goes away (`| head`)", async () => {
    const big = await startMockServer({ logs: 20_000, token: TOKEN });
    try {
      const child = spawnExport(big, ["--since", "2025-01-01", "--until", "2026-01-01"], "pipe");
      // Read the first chunk, then close the pipe, as `head` does.
      child.stdout?.once("data", () => child.stdout?.destroy());
      expect(await exited(child)).toEqual({ code: 141, stderr: "" });
    } finally {
      await big.close();
    }
  });

  it("stops at the first Ctrl-C even when the reader of stdout has stopped reading", async () => {
    const big = await startMockServer({ logs: 20_000, token: TOKEN });
    const temp = mkdtempSync(join(tmpdir(), "cli-bin-stalled-"));
    try {
      const child = spawnExport(big, ["--since", "2025-01-01", "--until", "2026-01-01"], "pipe", {
        TMPDIR: temp,
      });
      const done = exited(child);
      // A page is ~390 kB: more than the pipe and this reader's buffer hold, so once the reader
      // pauses, the export waits for a drain that never comes.
      child.stdout?.once("data", () => {
        child.stdout?.pause();
        child.kill("SIGINT");
      });
      const { code, stderr } = await done;
      expect(code).toBe(130);
      expect(stderr).toMatch(/^signalwire-voice: interrupted: [^\n]+\n$/);
      // The windows waiting in part files were removed on the way out.
      expect(readdirSync(temp)).toEqual([]);
    } finally {
      await big.close();
      rmSync(temp, { recursive: true, force: true });
    }
  });

  it.skipIf(!existsSync("/dev/full"))("exits 7 with one line when stdout's disk is full", async () => {
    const full = openSync("/dev/full", "w");
    try {
      const child = spawnExport(server, ["--since", "2025-12-31", "--until", "2026-01-01"], full);
      expect(await exited(child)).toEqual({
        code: 7,
        stderr: "signalwire-voice: cannot write to stdout: ENOSPC.\n",
      });
    } finally {
      closeSync(full);
    }
  });

  it("prints its help", () => {
    const run = spawnSync(process.execPath, [bin, "--help"], { encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: signalwire-voice/);
  });
});
