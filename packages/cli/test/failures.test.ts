import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningMockServer, startMockServer } from "@signalwire-voice/mock-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { logIds, runMain, serverEnv, TOKEN } from "./helpers/run-main.js";

let server: RunningMockServer;
let id: string;
beforeAll(async () => {
  server = await startMockServer({ logs: 5, token: TOKEN });
  [id = ""] = await logIds(server, 1);
});
afterEach(() => server.clearFaults());
afterAll(() => server.close());

// Not in the dataset: the mock server's ids are random UUIDs from its seed.
const MISSING = "b7182dc2-00f3-40e4-a5ce-20f164b329df";
const WRONG_TOKEN = "PT-wrong-but-still-secret-77aa";

describe.each(["get", "events"])("logs %s", (command) => {
  it("exits 3 on a 401, with the credentials to check and no token", async () => {
    const run = await runMain(["logs", command, id, "--token", WRONG_TOKEN], serverEnv(server));
    expect(run).toMatchObject({ code: 3, stdout: "" });
    expect(run.stderr).toMatch(/^signalwire-voice: .*answered 401.*SIGNALWIRE_API_TOKEN[^\n]*\n$/);
    expect(run.stderr).not.toContain(WRONG_TOKEN);
  });

  it("exits 6 on a 404, saying which log is missing", async () => {
    const run = await runMain(["logs", command, MISSING, "--token", TOKEN], serverEnv(server));
    expect(run).toMatchObject({ code: 6, stdout: "" });
    expect(run.stderr).toBe(
      `signalwire-voice: no log ${MISSING} in this project (404). Check the id, and that the project id is the log's project.\n`,
    );
  });

  it("exits 5 when the server keeps failing, after the client's retries", async () => {
    server.addFault({ fault: { type: "server-error", status: 500 } });
    server.clearRequests();
    const run = await runMain(["logs", command, id, "--token", TOKEN], serverEnv(server));
    expect(run).toMatchObject({ code: 5, stdout: "" });
    expect(run.stderr).toMatch(/^signalwire-voice: .*answered 500[^\n]*\n$/);
    expect(run.stderr).not.toContain(TOKEN);
    expect(server.requests).toHaveLength(3);
  });

  it("exits 4 when every body arrives mangled (the client retries it as a network failure)", async () => {
    server.addFault({ fault: { type: "invalid-json" } });
    const run = await runMain(["logs", command, id, "--token", TOKEN], serverEnv(server));
    expect(run).toMatchObject({ code: 4, stdout: "" });
    expect(run.stderr).toMatch(/^signalwire-voice: [^\n]+\n$/);
    expect(run.stderr).not.toContain(TOKEN);
  });

  it("exits 4 when the connection keeps being reset", async () => {
    server.addFault({ fault: { type: "reset" } });
    const run = await runMain(["logs", command, id, "--token", TOKEN], serverEnv(server));
    expect(run).toMatchObject({ code: 4, stdout: "" });
    expect(run.stderr).toMatch(/^signalwire-voice: [^\n]+Try again later[^\n]*\n$/);
    expect(run.stderr).not.toContain(TOKEN);
  });

  it("recovers from one 503 with the client's retry, and exits 0", async () => {
    server.addFault({ nth: 1, fault: { type: "server-error", status: 503 } });
    const run = await runMain(["logs", command, id, "--token", TOKEN], serverEnv(server));
    expect(run).toMatchObject({ code: 0, stderr: "" });
  });
});

describe("logs export", () => {
  it("exits 5 when the server keeps failing half way, and says FILE can be resumed; --resume then finishes it", async () => {
    const directory = mkdtempSync(join(tmpdir(), "cli-export-failure-"));
    try {
      const file = join(directory, "logs.ndjson");
      const argv = ["logs", "export", "--since", "2025-01-01", "--until", "2026-01-01", "--page-size", "2"];
      const flags = ["--concurrency", "1", "--quiet", "--out", file, "--token", TOKEN];
      // The first page, then nothing but 500s: one for the request and one per retry.
      server.addFault({
        path: "/api/voice/logs",
        nth: [2, 3, 4, 5, 6, 7],
        fault: { type: "server-error", status: 500 },
      });
      const run = await runMain([...argv, ...flags], serverEnv(server));
      expect(run).toMatchObject({ code: 5, stdout: "" });
      expect(run.stderr).toMatch(
        /^signalwire-voice: .*answered 500.*\/logs\.ndjson holds every page up to the last one saved: run the same command with --resume to continue\.\n$/,
      );
      expect(readFileSync(file, "utf8").split("\n")).toHaveLength(3);
      server.clearFaults();
      expect((await runMain([...argv, ...flags, "--resume"], serverEnv(server))).code).toBe(0);
      expect(readFileSync(file, "utf8").split("\n")).toHaveLength(6);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it.each([
    ["loops back into the walk", { type: "repeat-next" as const }],
    ["points at another origin", { type: "foreign-next" as const, origin: "http://127.0.0.1:9" }],
  ])("exits 5 when a page's next link %s, and sends the credentials nowhere else", async (_, fault) => {
    server.addFault({ path: "/api/voice/logs", first: 1, fault });
    const run = await runMain(
      [
        "logs",
        "export",
        "--since",
        "2025-01-01",
        "--until",
        "2026-01-01",
        "--page-size",
        "2",
        "--concurrency",
        "1",
      ],
      { ...serverEnv(server), SIGNALWIRE_API_TOKEN: TOKEN },
    );
    expect(run.code, run.stderr).toBe(5);
    expect(run.stderr).toMatch(/^signalwire-voice: [^\n]+\n$/m);
    expect(run.stderr).not.toContain(TOKEN);
  });
});
