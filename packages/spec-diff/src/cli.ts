#!/usr/bin/env node
import { runCli } from "./run-cli.js";

// `pnpm spec-diff --help` lists the flags.
process.exitCode = await runCli(process.argv.slice(2));
