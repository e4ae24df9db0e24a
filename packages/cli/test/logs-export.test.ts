import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createVoiceClient } from "@signalwire-voice/client";
import { type RunningMockServer, startMockServer } from "@signalwire-voice/mock-server";
import { paginate } from "@signalwire-voice/pagination";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ID, runMain, serverEnv, TOKEN } from "./helpers/run-main.js";

let server: RunningMockServer;
let directory: string;
beforeAll(async () => {
  server = await startMockServer({ logs: 5000, token: TOKEN });
  directory = mkdtempSync(join(tmpdir(), "cli-export-"));
});
afterAll(async () => {
  await server.close();
  rmSync(directory, { recursive: true, force: true });
});

const client = () => createVoiceClient({ baseUrl: server.baseUrl, projectId: PROJECT_ID, token: TOKEN });
const RANGE = ["--since", "2025-12-30T12:00:00Z", "--until", "2025-12-31T18:00+02:00"];

/** The lines a plain walk of `/logs` with this query gives: what an export must write. */
async function walked(query: Record<string, string | boolean>): Promise<string> {
  const logs = await paginate(client(), "/logs", { query }).toArray();
  return logs.map((log) => `${JSON.stringify(log)}\n`).join("");
}

describe("logs export", () => {
  it("writes exactly the logs of a paginate walk, in order, and marks the state done; --resume changes nothing", async () => {
    const file = join(directory, "all.ndjson");
    const argv = ["logs", "export", ...RANGE, "--include-deleted", "--out", file, "--token", TOKEN];
    const run = await runMain([...argv, "--quiet"], serverEnv(server));
    expect(run).toEqual({ code: 0, stdout: "", stderr: "" });

    const expected = await walked({
      created_after: "2025-12-30T11:59:59.999Z",
      created_before: "2025-12-31T16:00:00Z",
      include_deleted: true,
    });
    const written = readFileSync(file, "utf8");
    expect(written).toBe(expected);
    const lines = written.trimEnd().split("\n");
    expect(lines.length).toBeGreaterThan(2000);
    expect(lines.some((line) => line.includes('"discarded_at"'))).toBe(true);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();

    const state = JSON.parse(readFileSync(`${file}.state.json`, "utf8"));
    expect(state).toMatchObject({
      version: 2,
      filters: {
        since: "2025-12-30T12:00:00.000Z",
        until: "2025-12-31T16:00:00.000Z",
        include_deleted: true,
        format: "ndjson",
      },
      offset: Buffer.byteLength(written),
      done: true,
    });
    // Four windows by default, each walked to its end, the last one the head.
    expect(state.windows.length).toBeGreaterThanOrEqual(4);
    expect(state.head).toBe(state.windows.length - 1);
    for (const window of state.windows) expect(window).toMatchObject({ done: true });
    expect(state.windows.reduce((sum: number, window: { logs: number }) => sum + window.logs, 0)).toBe(
      lines.length,
    );
    expect(existsSync(`${file}.parts`)).toBe(false);

    server.clearRequests();
    const before = { file: statSync(file).mtimeMs, state: readFileSync(`${file}.state.json`, "utf8") };
    const again = await runMain([...argv, "--resume"], serverEnv(server));
    expect(again).toMatchObject({ code: 0, stdout: "" });
    expect(again.stderr).toMatch(
      /^signalwire-voice: the export at .* is already complete; nothing to do\.\n$/,
    );
    expect(server.requests).toEqual([]);
    expect(statSync(file).mtimeMs).toBe(before.file);
    expect(readFileSync(`${file}.state.json`, "utf8")).toBe(before.state);
  });

  it("writes to stdout without --out or with --out -, leaving deleted logs out by default", async () => {
    const expected = await walked({
      created_after: "2025-12-30T11:59:59.999Z",
      created_before: "2025-12-31T16:00:00Z",
    });
    for (const out of [[], ["--out", "-"]]) {
      const run = await runMain(
        ["logs", "export", ...RANGE, ...out, "--quiet", "--token", TOKEN],
        serverEnv(server),
      );
      expect(run).toEqual({ code: 0, stdout: expected, stderr: "" });
    }
    expect(expected).not.toContain('"discarded_at"');
  });

  it("includes a log created at --since and leaves out one created at --until", async () => {
    const [newest, , third] = (await paginate(client(), "/logs", { pageSize: 3 }).toArray({ limit: 3 })).map(
      (log) => log.created_at,
    );
    const run = await runMain(
      ["logs", "export", "--since", third ?? "", "--until", newest ?? "", "--token", TOKEN],
      serverEnv(server),
    );
    expect(run.code).toBe(0);
    expect(
      run.stdout
        .trimEnd()
        .split("\n")
        .map((line) => JSON.parse(line).created_at),
    ).toEqual([expect.any(String), third]);
  });

  it("asks for pages of --page-size logs", async () => {
    server.clearRequests();
    const run = await runMain(
      [
        "logs",
        "export",
        "--since",
        "2025-12-31T23:00Z",
        "--until",
        "2026-01-01",
        "--page-size",
        "25",
        "--token",
        TOKEN,
      ],
      serverEnv(server),
    );
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n").length - 1).toBeGreaterThan(25);
    const sizes = server.requests.map((request) => new URL(request.url).searchParams.get("page_size"));
    expect(new Set(sizes)).toEqual(new Set(["25"]));
  });

  it("refuses a --resume while another run writes FILE, and takes over the lock of one that is gone", async () => {
    const file = join(directory, "locked.ndjson");
    const argv = ["logs", "export", "--since", "2025-12-31T20:00Z", "--until", "2026-01-01", "--quiet"];
    const flags = ["--out", file, "--token", TOKEN];
    expect((await runMain([...argv, ...flags], serverEnv(server))).code).toBe(0);
    const state = JSON.parse(readFileSync(`${file}.state.json`, "utf8"));
    writeFileSync(`${file}.state.json`, JSON.stringify({ ...state, done: false }));
    // Another process holds the lock.
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 600000)"]);
    try {
      writeFileSync(`${file}.lock`, `${other.pid}\n`);
      const refused = await runMain([...argv, ...flags, "--resume"], serverEnv(server));
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`another signalwire-voice (pid ${other.pid}) is writing`);
    } finally {
      other.kill();
      await new Promise((resolve) => other.once("exit", resolve));
    }
    // Gone now: its lock is taken over, and released at the end.
    const resumed = await runMain([...argv, ...flags, "--resume"], serverEnv(server));
    expect(resumed.code).toBe(0);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it("refuses a state file that does not add up (edited by hand)", async () => {
    const file = join(directory, "edited.ndjson");
    const argv = ["logs", "export", "--since", "2025-12-31T20:00Z", "--until", "2026-01-01", "--quiet"];
    const flags = ["--out", file, "--token", TOKEN];
    expect((await runMain([...argv, ...flags], serverEnv(server))).code).toBe(0);
    const state = JSON.parse(readFileSync(`${file}.state.json`, "utf8"));
    for (const edited of [
      { ...state, done: false, offset: state.offset - 5 },
      { ...state, done: false, nextId: 1 },
      { ...state, done: false, windows: [state.windows[0], state.windows[0], ...state.windows.slice(2)] },
    ]) {
      writeFileSync(`${file}.state.json`, JSON.stringify(edited));
      const run = await runMain([...argv, ...flags, "--resume"], serverEnv(server));
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/does not describe its export/);
    }
  });
});
