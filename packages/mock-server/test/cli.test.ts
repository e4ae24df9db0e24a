import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterEach, describe, expect, it } from "vitest";
import { AUTH } from "./helpers.js";
import { rawExchange } from "./raw-http.js";

// The built bin, as users run it (turbo builds before it tests).
const bin = join(import.meta.dirname, "..", "dist", "cli.mjs");
const running: ChildProcessWithoutNullStreams[] = [];

/** Starts the CLI; resolves with its first stdout line (the base URL). */
async function startCli(args: string[]): Promise<{ child: ChildProcessWithoutNullStreams; baseUrl: string }> {
  const child = spawn(process.execPath, [bin, ...args]);
  running.push(child);
  const lines = createInterface({ input: child.stdout });
  const [baseUrl] = (await once(lines, "line")) as [string];
  return { child, baseUrl };
}

afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

describe("signalwire-voice-mock", () => {
  it("--logs 10000: a plain loop following links.next with page_size 1000 gets each log once, in 10 requests", async () => {
    const { baseUrl } = await startCli(["--port", "0", "--logs", "10000"]);
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/voice$/);
    const seen: string[] = [];
    let requests = 0;
    for (let next: string | undefined = `${baseUrl}/logs?page_size=1000`; next; requests++) {
      const response = await fetch(next, { headers: AUTH });
      const body = (await response.json()) as { data: { id: string }[]; links: { next?: string } };
      seen.push(...body.data.map((log) => log.id));
      next = body.links.next;
    }
    expect(requests).toBe(10);
    expect(seen).toHaveLength(10_000);
    expect(new Set(seen).size).toBe(10_000);
  });

  it("names the three operations at startup, and both curl examples work as printed", async () => {
    const child = spawn(process.execPath, [bin, "--port", "0", "--logs", "5"]);
    running.push(child);
    const printed: string[] = [];
    for await (const line of createInterface({ input: child.stdout })) {
      printed.push(line);
      if (line.startsWith("Stop with")) break;
    }
    expect(printed[1]).toMatch(
      /^Serving 5 voice logs \(seed 1\) at \/logs, \/logs\/\{id\} and \/logs\/\{id\}\/events; /,
    );
    const urls = printed.flatMap((line) => /curl -u test-project:test-token "([^"]+)"/.exec(line)?.[1] ?? []);
    expect(urls).toHaveLength(2);
    expect(urls[1]).toMatch(/\/api\/voice\/logs\/[0-9a-f-]{36}\/events$/);
    for (const url of urls) expect((await fetch(url, { headers: AUTH })).status).toBe(200);
  });

  it("with no logs, prints no example id", async () => {
    const child = spawn(process.execPath, [bin, "--port", "0", "--logs", "0"]);
    running.push(child);
    const printed: string[] = [];
    for await (const line of createInterface({ input: child.stdout })) {
      printed.push(line);
      if (line.startsWith("Stop with")) break;
    }
    expect(printed.filter((line) => line.includes("curl"))).toHaveLength(1);
  });

  it.each(["SIGINT", "SIGTERM"] as const)("stops cleanly on %s", async (signal) => {
    const { child } = await startCli(["--port", "0"]);
    child.kill(signal);
    const [code, killedBy] = await once(child, "exit");
    expect([code, killedBy]).toEqual([0, null]);
  });

  it("takes its flags: credentials, seed, logs, faults", async () => {
    const fault = JSON.stringify({ nth: 1, fault: { type: "rate-limit", retryAfter: 4 } });
    const args = [
      "--port",
      "0",
      "--logs",
      "3",
      "--seed",
      "x",
      "--project-id",
      "p",
      "--token",
      "t",
      "--fault",
      fault,
    ];
    const { baseUrl } = await startCli(args);
    const auth = { authorization: `Basic ${btoa("p:t")}` };
    const limited = await fetch(`${baseUrl}/logs`, { headers: auth });
    expect([limited.status, limited.headers.get("retry-after")]).toEqual([429, "4"]);
    const page = (await (await fetch(`${baseUrl}/logs`, { headers: auth })).json()) as { data: unknown[] };
    expect(page.data).toHaveLength(3);
    expect((await fetch(`${baseUrl}/logs`, { headers: AUTH })).status).toBe(401);
  });

  it("survives a request that new Request() would refuse (a Host with userinfo) and serves on", async () => {
    const { child, baseUrl } = await startCli(["--port", "0", "--logs", "3"]);
    const { host, origin } = new URL(baseUrl);
    const request = `GET /api/voice/logs HTTP/1.1\r\nHost: a:b@${host}\r\nConnection: close\r\n\r\n`;
    const { responses } = await rawExchange(origin, request);
    expect(responses.map(({ status, body }) => [status, body])).toEqual([[400, '{"error":"Bad Request"}']]);
    expect((await fetch(`${baseUrl}/logs`, { headers: AUTH })).status).toBe(200);
    expect(child.exitCode).toBe(null);
  });

  it("--help documents every flag and its default", () => {
    const { status, stdout } = spawnSync(process.execPath, [bin, "--help"], { encoding: "utf8" });
    expect(status).toBe(0);
    for (const line of [
      /--host <host>.*\(default: 127\.0\.0\.1\)/,
      /--port <port>.*\(default: 4010\)/,
      /--logs <n>.*\(default: 1000\)/,
      /--seed <seed>.*\(default: 1\)/,
      /--project-id <id>.*\(default: test-project\)/,
      /--token <token>.*\(default: test-token\)/,
      /--fault <json>/,
    ]) {
      expect(stdout).toMatch(line);
    }
  });

  it.each([
    [["--logs", "many"], /--logs must be a whole number/],
    [["--port", "70000"], /--port must be a whole number from 0 to 65535/],
    [["--fault", "{"], /--fault must be a JSON fault rule/],
    [["--fault", '{"fault":{"type":"boom"}}'], /fault\.type must be/],
    [["--nope"], /Unknown option '--nope'/],
  ])("%j exits 2 and says what to fix", (args, message) => {
    const { status, stderr } = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });
    expect(status).toBe(2);
    expect(stderr).toMatch(message);
  });

  it("--version prints the package version", () => {
    const { stdout } = spawnSync(process.execPath, [bin, "--version"], { encoding: "utf8" });
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
