import { createVoiceClient, unwrap } from "@signalwire-voice/client";
import { type RunningMockServer, startMockServer } from "@signalwire-voice/mock-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logIds, PROJECT_ID, runMain, serverEnv, TOKEN } from "./helpers/run-main.js";

let server: RunningMockServer;
let ids: string[];
beforeAll(async () => {
  server = await startMockServer({ logs: 20, token: TOKEN });
  ids = await logIds(server, 20);
});
afterAll(() => server.close());

const client = () => createVoiceClient({ baseUrl: server.baseUrl, projectId: PROJECT_ID, token: TOKEN });

describe("logs get <id>", () => {
  it("prints the log the client returns, as one line of JSON", async () => {
    for (const id of ids.slice(0, 5)) {
      const run = await runMain(["logs", "get", id, "--token", TOKEN], serverEnv(server));
      expect(run).toMatchObject({ code: 0, stderr: "" });
      expect(run.stdout.endsWith("}\n")).toBe(true);
      expect(run.stdout.trimEnd()).not.toContain("\n");
      const expected = unwrap(await client().GET("/logs/{id}", { params: { path: { id } } }));
      expect(JSON.parse(run.stdout)).toEqual(expected);
      expect(run.stdout).toBe(`${JSON.stringify(expected)}\n`);
    }
  });

  it("indents with --pretty, and takes every credential from the environment", async () => {
    const id = ids[0] ?? "";
    const run = await runMain(["logs", "get", "--pretty", id], {
      ...serverEnv(server),
      SIGNALWIRE_API_TOKEN: TOKEN,
    });
    expect(run.code).toBe(0);
    const expected = unwrap(await client().GET("/logs/{id}", { params: { path: { id } } }));
    expect(run.stdout).toBe(`${JSON.stringify(expected, null, 2)}\n`);
  });

  it("lets the flags override the environment", async () => {
    const id = ids[1] ?? "";
    const run = await runMain(
      ["logs", "get", id, "--base-url", server.baseUrl, "--project-id", PROJECT_ID, `--token=${TOKEN}`],
      {
        SIGNALWIRE_BASE_URL: "http://127.0.0.1:1/api/voice",
        SIGNALWIRE_PROJECT_ID: "another-project",
        SIGNALWIRE_API_TOKEN: "PT-wrong-token",
      },
    );
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(run.stdout)).toMatchObject({ id });
  });
});

describe("logs events <id>", () => {
  it("prints { data: [...] } as the client returns it", async () => {
    for (const id of ids.slice(0, 5)) {
      const run = await runMain(["logs", "events", id, "--token", TOKEN], serverEnv(server));
      expect(run).toMatchObject({ code: 0, stderr: "" });
      const expected = unwrap(await client().GET("/logs/{id}/events", { params: { path: { id } } }));
      expect(expected.data.length).toBeGreaterThan(0);
      expect(run.stdout).toBe(`${JSON.stringify(expected)}\n`);
    }
  });

  it("indents with --pretty", async () => {
    const id = ids[2] ?? "";
    const run = await runMain(["--pretty", "logs", "events", id, "--token", TOKEN], serverEnv(server));
    const expected = unwrap(await client().GET("/logs/{id}/events", { params: { path: { id } } }));
    expect(run.stdout).toBe(`${JSON.stringify(expected, null, 2)}\n`);
  });
});
