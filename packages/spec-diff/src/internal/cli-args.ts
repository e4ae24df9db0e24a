import { parseArgs } from "node:util";
import type { Bump } from "../report.js";
import { isBump } from "./severity.js";

export type Format = "markdown" | "json" | "github";

/** The command line, parsed. */
export interface CliArgs {
  base: string;
  head: string;
  format: Format;
  failOn: Bump;
  writeChangeset: boolean;
  changesetDir: string | undefined;
  /** undefined: the configured overlays; []: none (--no-overlay). */
  overlays: string[] | undefined;
  baseOverlays: string[] | undefined;
  output: string | undefined;
}

export const USAGE = `Usage: pnpm spec-diff --base <file|git-ref:path> --head <file|git-ref:path> [options]

Compares two OpenAPI specs and rates each change major, minor or patch.

  --base <spec>           the old spec: a file, or <git-ref>:<path> (e.g. main:spec/voice.yaml)
  --head <spec>           the new spec, same forms
  --format <f>            markdown (PR comment, default) | json | github (annotations)
  --fail-on <level>       exit 1 when the bump reaches major | minor | patch; none (default) never fails
  --write-changeset       write .changeset/spec-<hash>.md for the packages the change touches
  --changeset-dir <dir>   where to write it (default: the repo's .changeset)
  --no-overlay            compare the documents as they are, without spec/overlays
  --overlay <spec>        overlay for both sides instead of the pipeline's (repeatable)
  --base-overlay <spec>   overlay for the base side only, when the change edits the overlay (repeatable)
  --output <file>         write the report to a file instead of stdout
  --help                  show this
Exit codes: 0 ok, 1 bump reached --fail-on, 2 bad input.

pnpm spec-diff check-changesets --help: the PR check of a report against the PR's changesets.`;

const formats: readonly Format[] = ["markdown", "json", "github"];

/**
 * Parses argv (without node and the script) with Node's `parseArgs`. Throws an Error whose
 * message says what is wrong and what is accepted; `--help` returns "help".
 */
export function parseCliArgs(argv: readonly string[]): CliArgs | "help" {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      base: { type: "string" },
      head: { type: "string" },
      format: { type: "string", default: "markdown" },
      "fail-on": { type: "string", default: "none" },
      "write-changeset": { type: "boolean", default: false },
      "changeset-dir": { type: "string" },
      "no-overlay": { type: "boolean", default: false },
      overlay: { type: "string", multiple: true, default: [] },
      "base-overlay": { type: "string", multiple: true, default: [] },
      output: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) return "help";
  const { base, head, format, "fail-on": failOn, overlay, "base-overlay": baseOverlay } = values;
  if (!base || !head)
    throw new Error(
      `Both --base and --head are required (got ${base ? "" : "no --base"}${!base && !head ? ", " : ""}${head ? "" : "no --head"}).`,
    );
  if (!formats.includes(format as Format))
    throw new Error(`--format must be one of ${formats.join(", ")} (got \`${format}\`).`);
  if (!isBump(failOn)) throw new Error(`--fail-on must be major, minor, patch or none (got \`${failOn}\`).`);
  if (values["no-overlay"] && (overlay.length || baseOverlay.length)) {
    throw new Error("--no-overlay cannot be combined with --overlay or --base-overlay.");
  }
  return {
    base,
    head,
    format: format as Format,
    failOn,
    writeChangeset: values["write-changeset"],
    changesetDir: values["changeset-dir"],
    overlays: values["no-overlay"] ? [] : overlay.length ? overlay : undefined,
    baseOverlays: baseOverlay.length ? baseOverlay : undefined,
    output: values.output,
  };
}
