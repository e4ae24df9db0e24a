import { createVoiceClient, type FetchFunction } from "@signalwire-voice/client";
import { parseArguments } from "./arguments.js";
import { logsEvents } from "./commands/logs-events.js";
import { logsExport } from "./commands/logs-export.js";
import { logsGet } from "./commands/logs-get.js";
import { EXIT_CODES, type ExitCode } from "./exit-codes.js";
import { failureOf } from "./failure-of.js";
import { helpText } from "./usage.js";

/** Where `main` writes: `process.stdout`/`process.stderr`, or anything with `write(text)`. */
export interface Output {
  write(text: string): unknown;
}

/** Where `main` writes records: text, or an export's bytes; `once("drain")` lets a full pipe be waited for. */
export interface RecordOutput {
  write(chunk: string | Uint8Array): unknown;
  once?: ((event: "drain", listener: () => void) => unknown) | undefined;
}

/**
 * What `main` reads and writes instead of `process`, so that a test (or another program) can run
 * the command in process.
 *
 * @example
 * ```ts
 * const io: MainIo = { env: process.env, stdout: process.stdout, stderr: process.stderr };
 * ```
 */
export interface MainIo {
  /** Where the `SIGNALWIRE_*` variables are read. */
  env: Readonly<Record<string, string | undefined>>;
  /** Records only: the JSON of a log or its events, an export's lines, or the help asked for. */
  stdout: RecordOutput;
  /** Messages only: one line per failure, and an export's progress (a bar when `isTTY`). */
  stderr: Output & { isTTY?: boolean | undefined };
  /** The fetch the client uses. Default: `globalThis.fetch`. */
  fetch?: FetchFunction | undefined;
  /** Stops an export after the page being written, with exit code 130 (the bin: on SIGINT). */
  signal?: AbortSignal | undefined;
}

/**
 * Runs `signalwire-voice` with `argv` (the arguments after the program's name) and resolves to
 * the exit code (`EXIT_CODES`); never throws. Records go to `stdout`, one line per failure to
 * `stderr`, and the API token appears in neither.
 *
 * @example
 * ```ts
 * process.exitCode = await main(process.argv.slice(2), { env: process.env, stdout: process.stdout, stderr: process.stderr });
 * ```
 */
export async function main(argv: readonly string[], io: MainIo): Promise<ExitCode> {
  const token = tokenIn(argv) ?? io.env.SIGNALWIRE_API_TOKEN;
  let id: string | undefined;
  // The file of an export: a failure half way through can be resumed.
  let export_: string | undefined;
  try {
    const parsed = parseArguments(argv);
    if (parsed.kind === "help") {
      io.stdout.write(helpText(parsed.topic));
      return EXIT_CODES.ok;
    }
    const settings = { ...parsed.connection, env: io.env };
    if (parsed.command === "logs export") {
      export_ = parsed.export.out;
      return await logsExport((more) => createVoiceClient({ ...settings, ...more }), parsed.export, io);
    }
    const client = createVoiceClient({ ...settings, fetch: io.fetch });
    id = parsed.id;
    const record =
      parsed.command === "logs get" ? await logsGet(client, parsed.id) : await logsEvents(client, parsed.id);
    io.stdout.write(`${JSON.stringify(record, null, parsed.pretty ? 2 : undefined)}\n`);
    return EXIT_CODES.ok;
  } catch (error) {
    const { code, message } = failureOf(error, id);
    const resume =
      export_ !== undefined && code !== EXIT_CODES.usage
        ? ` ${export_} holds every page up to the last one saved: run the same command with --resume to continue.`
        : "";
    io.stderr.write(`signalwire-voice: ${oneLine(redact(message, token))}${resume}\n`);
    return code;
  }
}

/**
 * The `--token` value, read on its own: `main` must hide it even when the rest of the command
 * line fails to parse.
 */
function tokenIn(argv: readonly string[]): string | undefined {
  const at = argv.lastIndexOf("--token");
  const inline = argv.findLast((arg) => arg.startsWith("--token="));
  return inline?.slice("--token=".length) ?? (at >= 0 ? argv[at + 1] : undefined);
}

// The one place messages leave: the client's errors are redacted already, and this keeps any
// message of ours (or a bug's) from carrying the token either.
function redact(message: string, token: string | undefined): string {
  return token && token.length >= 4 ? message.split(token).join("***") : message;
}

function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, " ").trim();
}
