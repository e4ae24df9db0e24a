import { type RunningMockServer, startMockServer } from "@signalwire-voice/mock-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logIds, runMain, serverEnv, TOKEN } from "./helpers/run-main.js";

let server: RunningMockServer;
let id: string;
beforeAll(async () => {
  server = await startMockServer({ logs: 5, token: TOKEN });
  [id = ""] = await logIds(server, 1);
});
afterAll(() => server.close());

// [case, argv (the id stands for a real log id), environment beyond the server's, what stderr says]
const CASES: [string, string[], Record<string, string | undefined>, RegExp][] = [
  ["no command", ["--token", TOKEN], {}, /Missing a command: expected `logs get <id>`/],
  ["only the token flag, inline", [`--token=${TOKEN}`], {}, /Missing a command/],
  [
    "an unknown command",
    ["log", "get", "ID", "--token", TOKEN],
    {},
    /Unknown command "log": expected `logs`/,
  ],
  ["an unknown logs command", ["logs", "list", "--token", TOKEN], {}, /Unknown command "logs list"/],
  ["no command after logs", ["logs", "--token", TOKEN], {}, /Missing a command after `logs`/],
  ["an unknown flag", ["logs", "get", "ID", "--tokn", TOKEN], {}, /Unknown flag --tokn\./],
  ["an unknown flag with a value", ["logs", "get", "ID", `--secret=${TOKEN}`], {}, /Unknown flag --secret\./],
  ["an unknown short flag", ["logs", "get", "ID", "-t", TOKEN], {}, /Unknown flag -t\./],
  ["a flag without its value", ["logs", "get", "ID", "--token"], {}, /'--token <value>' argument missing/],
  ["a value on a switch", ["logs", "get", "ID", "--pretty=yes", "--token", TOKEN], {}, /does not take/],
  [
    "a missing id (get)",
    ["logs", "get", "--token", TOKEN],
    {},
    /Missing the log id: `signalwire-voice logs get <id>`/,
  ],
  ["a missing id (events)", ["logs", "events", "--token", TOKEN], {}, /logs events <id>/],
  ["two ids", ["logs", "get", "ID", "ID", "--token", TOKEN], {}, /takes one id, got 2/],
  ["a non-UUID id", ["logs", "get", "12345", "--token", TOKEN], {}, /expected a UUID .*got "12345"/],
  ["a non-UUID id (events)", ["logs", "events", "../logs", "--token", TOKEN], {}, /expected a UUID/],
  ["no token", ["logs", "get", "ID"], {}, /SIGNALWIRE_API_TOKEN.*--token/],
  [
    "no project id",
    ["logs", "get", "ID", "--token", TOKEN],
    { SIGNALWIRE_PROJECT_ID: undefined },
    /SIGNALWIRE_PROJECT_ID/,
  ],
  [
    "no space and no base URL",
    ["logs", "get", "ID", "--token", TOKEN],
    { SIGNALWIRE_BASE_URL: undefined },
    /SIGNALWIRE_SPACE.*--space/,
  ],
  ["a bad space", ["logs", "get", "ID", "--space", "a.b/c", "--token", TOKEN], {}, /Space name/],
  [
    "a base URL that is not https",
    ["logs", "get", "ID", "--base-url", "http://example.com/api", "--token", TOKEN],
    {},
    /baseUrl/,
  ],
];

describe.each(CASES)("%s", (_, argv, extraEnv, message) => {
  it("exits 2 with one line on stderr naming the fix, nothing on stdout, nothing sent, the token hidden", async () => {
    server.clearRequests();
    const run = await runMain(
      argv.map((arg) => (arg === "ID" ? id : arg)),
      { ...serverEnv(server), ...extraEnv },
    );
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^signalwire-voice: [^\n]+\n$/);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toContain(TOKEN);
    expect(server.requests).toEqual([]);
  });
});
