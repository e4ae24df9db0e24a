#!/usr/bin/env node
// The `signalwire-voice` bin: `main` with the process's own arguments, environment and streams.
import { main } from "./main.js";

main(process.argv.slice(2), { env: process.env, stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    // Not process.exit(): that can cut off a large record still being written to a pipe.
    process.exitCode = code;
  },
);
