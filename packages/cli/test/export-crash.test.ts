import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type RunningMockServer, startMockServer } from "@signalwire-voice/mock-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ID, TOKEN } from "./helpers/run-main.js";

// The built bin (turbo's test task builds the package first), spawned so that it can be killed.
const bin = fileURLToPath(new URL("../dist/cli.mjs", import.meta.url));
// About 3000 logs (and their deleted ones) in pages of 200: 16 pages, each a moment late,
// walked by 4 workers in time windows unless a run says otherwise.
const EXPORT = [
  "logs",
  "export",
  "--since",
  "2025-12-30T23:00Z",
  "--until",
  "2026-01-01",
  "--include-deleted",
  "--quiet",
];
const PAGE_SIZE = ["--page-size", "200"];

let server: RunningMockServer;
let directory: string;
let reference: Buffer;

/** A run of the bin writing to `file`; `exited` resolves to its exit code (null when killed). */
function start(
  file: string,
  extra: string[] = [],
): { child: ChildProcess; exited: Promise<number | null>; stderr: () => string; done: () => boolean } {
  const child = spawn(process.execPath, [bin, ...EXPORT, ...PAGE_SIZE, "--out", file, ...extra], {
    env: {
      PATH: process.env.PATH ?? "",
      SIGNALWIRE_BASE_URL: server.baseUrl,
      SIGNALWIRE_PROJECT_ID: PROJECT_ID,
      SIGNALWIRE_API_TOKEN: TOKEN,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => (stderr += chunk));
  let done = false;
  const exited = new Promise<number | null>((resolve) =>
    child.on("close", (code) => {
      done = true;
      resolve(code);
    }),
  );
  return { child, exited, stderr: () => stderr, done: () => done };
}

/** The bytes of `file` so far (0 before it exists). */
const sizeOf = (file: string) => (existsSync(file) ? statSync(file).size : 0);

/** The bytes an export to `file` has written: FILE and the part files of the windows after its head. */
function writtenTo(file: string): number {
  const parts = `${file}.parts`;
  const names = existsSync(parts) ? readdirSync(parts) : [];
  return sizeOf(file) + names.reduce((sum, name) => sum + sizeOf(join(parts, name)), 0);
}

/**
 * Waits, with no time limit, until `file` holds at least `bytes` or the run has ended: a kill
 * lands at a point of the export chosen in bytes, however fast or slow this machine is today.
 */
async function whenWritten(file: string, bytes: number, run: { done: () => boolean }): Promise<void> {
  while (!run.done() && writtenTo(file) < bytes) await sleep(1);
}

/** `--resume`, not interrupted: it must finish the export, and leave nothing but FILE and its state. */
async function resumeToTheEnd(file: string, concurrency = 4): Promise<void> {
  const run = start(file, ["--resume", "--concurrency", `${concurrency}`]);
  const code = await run.exited;
  if (code !== 0) throw new Error(`--resume exited ${code}: ${run.stderr()}`);
}

/**
 * Runs `body` while the server answers two pages (a moment late each) and then never again;
 * `twoPages` is the bytes of those two pages. The usual faults come back after.
 */
async function withThirdPageStalled(body: (twoPages: number) => Promise<void>): Promise<void> {
  server.clearFaults();
  server.addFault({ path: "/api/voice/logs", first: 2, fault: { type: "delay", ms: 15 } });
  server.addFault({ path: "/api/voice/logs", fault: { type: "delay", ms: 600_000 } });
  try {
    await body(Buffer.byteLength(`${reference.toString().split("\n").slice(0, 400).join("\n")}\n`));
  } finally {
    server.clearFaults();
    server.addFault({ path: "/api/voice/logs", probability: 1, fault: { type: "delay", ms: 15 } });
  }
}

/** A seeded PRNG (mulberry32): the same kill moments on every run of the suite. */
function randomOf(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  server = await startMockServer({ logs: 3000, token: TOKEN, recordRequests: false });
  // Every page a moment late, so that a kill lands between, during and after pages.
  server.addFault({ path: "/api/voice/logs", probability: 1, fault: { type: "delay", ms: 15 } });
  directory = mkdtempSync(join(tmpdir(), "cli-export-crash-"));
  // One worker, one window: the concurrent runs must write the very same bytes.
  const file = join(directory, "reference.ndjson");
  expect(await start(file, ["--concurrency", "1"]).exited).toBe(0);
  reference = readFileSync(file);
  expect(reference.toString().split("\n").length).toBeGreaterThan(3000);
}, 600_000);
afterAll(async () => {
  await server.close();
  rmSync(directory, { recursive: true, force: true });
});

describe("logs export --out FILE, killed", () => {
  // Each run spawns node two to four times: on a busy machine that takes a while, so the time
  // limit is only a safety net.
  it("with SIGKILL at 24 random points, then --resume with 1 to 4 workers: FILE is byte for byte a sequential export", {
    timeout: 600_000,
  }, async () => {
    const random = randomOf(15);
    let interrupted = 0;
    for (let run = 0; run < 24; run++) {
      const file = join(directory, `killed-${run}.ndjson`);
      const export_ = start(file);
      await whenWritten(file, random() * reference.length, export_);
      export_.child.kill("SIGKILL");
      if ((await export_.exited) === null) interrupted++;
      // Every other run, the first resume is killed too, further on.
      if (run % 2 === 1 && existsSync(`${file}.state.json`)) {
        const resumed = start(file, ["--resume", "--concurrency", `${1 + (run % 4)}`]);
        const from = writtenTo(file);
        await whenWritten(file, from + random() * (reference.length - from), resumed);
        resumed.child.kill("SIGKILL");
        await resumed.exited;
      }
      // Killed before the state file was first written: there is no export to resume, only to start.
      if (existsSync(`${file}.state.json`)) await resumeToTheEnd(file, 1 + ((run * 3) % 4));
      else expect(await start(file).exited).toBe(0);
      expect(readFileSync(file).equals(reference), `run ${run}`).toBe(true);
      expect(JSON.parse(readFileSync(`${file}.state.json`, "utf8")).done).toBe(true);
      // No part file and no temporary state file is left behind.
      expect(
        readdirSync(directory)
          .filter((name) => name.includes(`killed-${run}.`))
          .sort(),
      ).toEqual([`killed-${run}.ndjson`, `killed-${run}.ndjson.state.json`]);
    }
    // The kills land mid-export by construction (a point in bytes); a few may come as the last
    // page is written.
    expect(interrupted).toBeGreaterThanOrEqual(20);
  });

  it("with SIGINT while a request hangs: exits 130 with what was written saved, and --resume finishes it", {
    timeout: 600_000,
  }, async () => {
    const file = join(directory, "interrupted.ndjson");
    // Two pages, then an answer that never comes: Ctrl-C must not wait for it.
    await withThirdPageStalled(async (twoPages) => {
      const export_ = start(file, ["--concurrency", "1"]);
      // Wait (without a time limit) until both pages are in FILE, or the run ends.
      while (!export_.done() && sizeOf(file) < twoPages) await sleep(2);
      export_.child.kill("SIGINT");
      expect(await export_.exited).toBe(130);
      expect(export_.stderr()).toMatch(
        /^signalwire-voice: interrupted: .* run the same command with --resume to continue\.\n$/,
      );
      const state = JSON.parse(readFileSync(`${file}.state.json`, "utf8"));
      expect(state.done).toBe(false);
      // Saved on the way out, not at the last checkpoint: both pages count.
      expect(state.offset).toBe(twoPages);
      expect(readFileSync(file).length).toBe(twoPages);
      expect(state.windows[0].pages).toBe(2);
      expect(reference.subarray(0, state.offset).equals(readFileSync(file))).toBe(true);
    });
    await resumeToTheEnd(file);
    expect(readFileSync(file).equals(reference)).toBe(true);
  });

  it("while a request hangs, saves the pages before it without a signal; SIGKILL then loses none", {
    timeout: 600_000,
  }, async () => {
    const file = join(directory, "stalled.ndjson");
    await withThirdPageStalled(async (twoPages) => {
      const export_ = start(file, ["--concurrency", "1"]);
      // No page comes after the second: only the checkpoint timer can save it. Waited for
      // without a time limit (the test's own timeout aside).
      const saved = () => {
        try {
          return JSON.parse(readFileSync(`${file}.state.json`, "utf8")).offset as number;
        } catch {
          return 0;
        }
      };
      while (!export_.done() && saved() < twoPages) await sleep(5);
      expect(export_.done()).toBe(false);
      expect(saved()).toBe(twoPages);
      export_.child.kill("SIGKILL");
      expect(await export_.exited).toBe(null);
    });
    await resumeToTheEnd(file);
    expect(readFileSync(file).equals(reference)).toBe(true);
  });
});
