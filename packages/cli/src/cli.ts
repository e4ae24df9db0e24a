#!/usr/bin/env node
// The `signalwire-voice` bin: `main` with the process's own arguments, environment and streams.
import { EXIT_CODES } from "./exit-codes.js";
import { main } from "./main.js";

// Ctrl-C lets an export finish the page it is writing and save its state; a second one exits at once.
const interrupt = new AbortController();
const onSigint = () => {
  if (interrupt.signal.aborted) process.exit(130);
  interrupt.abort();
};
process.on("SIGINT", onSigint);
// A service manager's stop (SIGTERM) is a Ctrl-C: the export saves its state first.
process.on("SIGTERM", onSigint);

// The reader went away (`… | head`): stop at once and silently, with the code of a Unix tool
// that SIGPIPE ended (128 + 13). Node ignores SIGPIPE, so the write fails with EPIPE instead.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(141);
  // Anything else (a full disk behind `>`): one line, and the exit code for it.
  process.stderr.write(`signalwire-voice: cannot write to stdout: ${error.code ?? error.message}.\n`);
  process.exit(EXIT_CODES.output);
});

main(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  signal: interrupt.signal,
}).then((code) => {
  process.off("SIGINT", onSigint);
  process.off("SIGTERM", onSigint);
  // Stopped, with a page still queued for a reader that stopped reading (a paused `| less`):
  // the export gave up on it, and so does the process.
  if (code === EXIT_CODES.interrupted && process.stdout.writableLength > 0) process.exit(code);
  // Not process.exit(): that can cut off a large record still being written to a pipe.
  process.exitCode = code;
});
