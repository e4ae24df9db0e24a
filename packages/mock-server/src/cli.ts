#!/usr/bin/env node
import { createRequire } from "node:module";
import { firstLogId, HELP, parseCliArgs } from "./internal/cli-args.js";
import { startMockServer } from "./start-mock-server.js";

// The CLI: `signalwire-voice-mock --help` lists the flags and their defaults.
async function main(): Promise<void> {
  let command: ReturnType<typeof parseCliArgs>;
  try {
    command = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(
      `signalwire-voice-mock: ${(error as Error).message}\nRun with --help for the options.\n`,
    );
    process.exitCode = 2;
    return;
  }
  if (command.kind === "help") {
    process.stdout.write(HELP);
    return;
  }
  if (command.kind === "version") {
    const pkg = createRequire(import.meta.url)("../package.json") as { version: string };
    process.stdout.write(`${pkg.version}\n`);
    return;
  }
  const { options } = command;
  const server = await startMockServer(options);
  // Handlers go in before the URL is printed: whoever reads that line may signal at once.
  const stop = () => {
    server.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  const curl = `curl -u ${options.projectId}:${options.token}`;
  const id = firstLogId(options);
  process.stdout.write(
    `${server.baseUrl}\n` +
      `Serving ${options.logs} voice logs (seed ${options.seed}) at /logs, /logs/{id} and /logs/{id}/events; Basic auth ${options.projectId}:${options.token}.\n` +
      `Try: ${curl} "${server.baseUrl}/logs?page_size=10"\n` +
      (id ? `     ${curl} "${server.baseUrl}/logs/${id}/events"\n` : "") +
      "Stop with Ctrl-C.\n",
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`signalwire-voice-mock: ${(error as Error).message ?? String(error)}\n`);
  process.exitCode = 1;
});
