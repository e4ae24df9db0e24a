/**
 * `@signalwire-voice/cli`: the `signalwire-voice` command. Its programmatic face is `main`, which
 * runs a command line in process and resolves to the exit code; the bin (`src/cli.ts`) only
 * calls it with `process` values. The commands, the argument parser and the error mapping stay
 * internal: the command line is the interface.
 *
 * @example
 * ```ts
 * import { EXIT_CODES, main } from "@signalwire-voice/cli";
 *
 * const code = await main(["logs", "get", "b7182dc2-00f3-40e4-a5ce-20f164b329df"], {
 *   env: process.env,
 *   stdout: process.stdout,
 *   stderr: process.stderr,
 * });
 * if (code === EXIT_CODES.notFound) console.error("no such log");
 * ```
 * @module
 */

export { EXIT_CODES, type ExitCode } from "./exit-codes.js";
export { type MainIo, main, type Output, type RecordOutput } from "./main.js";
export type { ProgressEvent } from "./progress/progress-event.js";
