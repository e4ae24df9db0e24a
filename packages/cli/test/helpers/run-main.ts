import type { RunningMockServer } from "@signalwire-voice/mock-server";
import { type MainIo, main } from "../../src/index.js";

/** The token the test servers accept: distinctive, so a leak is easy to find in any output. */
export const TOKEN = "PT-cli-test-secret-4e1f9c";
export const PROJECT_ID = "test-project";

/** What one run of `main` left behind. */
export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `main` in process against `server` (credentials from the environment unless `env` says otherwise). */
export async function runMain(
  argv: readonly string[],
  env: Record<string, string | undefined> = {},
  more: Pick<MainIo, "fetch" | "signal"> = {},
): Promise<Run> {
  const stdout: Buffer[] = [];
  let stderr = "";
  const code = await main(argv, {
    ...more,
    env,
    stdout: { write: (chunk: string | Uint8Array) => stdout.push(Buffer.from(chunk)) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout: Buffer.concat(stdout).toString("utf8"), stderr };
}

/** The environment that points the CLI at `server`, without the token (tests pass it as `--token`). */
export function serverEnv(server: RunningMockServer): Record<string, string> {
  return { SIGNALWIRE_BASE_URL: server.baseUrl, SIGNALWIRE_PROJECT_ID: PROJECT_ID };
}

/** The first `count` log ids the server lists. */
export async function logIds(server: RunningMockServer, count: number): Promise<string[]> {
  const response = await fetch(`${server.baseUrl}/logs?page_size=${count}`, {
    headers: { authorization: `Basic ${btoa(`${PROJECT_ID}:${TOKEN}`)}` },
  });
  const { data } = (await response.json()) as { data: { id: string }[] };
  return data.map(({ id }) => id);
}
