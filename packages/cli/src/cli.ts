#!/usr/bin/env node
// The `signalwire-voice` bin: `main` with the process's own arguments, environment and streams.
import { main } from "./main.js";

// Ctrl-C lets an export finish the page it is writing and save its state; a second one exits at once.
const interrupt = new AbortController();
const onSigint = () => {
  if (interrupt.signal.aborted) process.exit(130);
  interrupt.abort();
};
process.on("SIGINT", onSigint);

// The reader went away (`… | head`): stop at once and silently, with the code of a Unix tool
// that SIGPIPE ended (128 + 13). Node ignores SIGPIPE, so the write fails with EPIPE instead.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(141);
  throw error;
});

main(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  signal: interrupt.signal,
}).then((code) => {
  process.off("SIGINT", onSigint);
  // Not process.exit(): that can cut off a large record still being written to a pipe.
  process.exitCode = code;
});
