import { writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";

export type { CliIo } from "./cli-io.js";

import type { CliIo } from "./cli-io.js";
import { diffSpecs } from "./diff-specs.js";
import { formatGithub } from "./format/format-github.js";
import { formatJson } from "./format/format-json.js";
import { formatMarkdown } from "./format/format-markdown.js";
import { runCheckChangesets } from "./internal/check-changesets-cli.js";
import { type CliArgs, parseCliArgs, USAGE } from "./internal/cli-args.js";
import { workspaceDir } from "./internal/pipeline-scripts.js";
import { reaches } from "./internal/severity.js";
import type { Report } from "./report.js";
import { SpecDiffError } from "./spec-diff-error.js";
import { writeChangeset } from "./write-changeset.js";

const formatters = { markdown: formatMarkdown, json: formatJson, github: formatGithub };

/**
 * The `spec-diff` command: parses argv, compares, prints the report and returns the exit
 * code (0 ok, 1 the bump reached `--fail-on`, 2 bad input). The report goes to stdout (or
 * `--output`); everything else to stderr, so `--format json` output stays parseable.
 *
 * @example
 * ```ts
 * process.exitCode = await runCli(["--base", "main:spec/voice.yaml", "--head", "spec/voice.yaml"]);
 * ```
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
  },
): Promise<number> {
  if (argv[0] === "check-changesets") return runCheckChangesets(argv.slice(1), io);
  let args: CliArgs | "help";
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    io.stderr(`spec-diff: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args === "help") {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  let report: Report;
  try {
    report = await diffSpecs({
      base: args.base,
      head: args.head,
      cwd: io.cwd,
      ...(args.overlays && { overlays: args.overlays }),
      ...(args.baseOverlays && { baseOverlays: args.baseOverlays }),
    });
  } catch (error) {
    if (!(error instanceof SpecDiffError)) throw error;
    io.stderr(`✖ spec-diff: ${error.message}\n`);
    return 2;
  }
  const text = formatters[args.format](report);
  if (args.output) writeFileSync(resolve(io.cwd, args.output), text);
  else io.stdout(text);
  if (args.writeChangeset) {
    const dir = resolve(io.cwd, args.changesetDir ?? join(workspaceDir(), ".changeset"));
    const result = writeChangeset(report, dir);
    io.stderr(
      result.written
        ? `✔ spec-diff: wrote ${relative(io.cwd, result.path)} (${result.packages.map((p) => `${p.name}: ${p.bump}`).join(", ")}).\n`
        : `spec-diff: ${result.reason}\n`,
    );
  }
  const failed = reaches(report.bump, args.failOn);
  if (failed)
    io.stderr(`✖ spec-diff: the spec change needs a ${report.bump} release (--fail-on ${args.failOn}).\n`);
  return failed ? 1 : 0;
}
