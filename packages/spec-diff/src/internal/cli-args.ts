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
Exit codes: 0 ok, 1 bump reached --fail-on, 2 bad input.`;

const formats: readonly Format[] = ["markdown", "json", "github"];

/**
 * Parses argv (without node and the script). Throws an Error whose message says what is
 * wrong and what is accepted; `--help` returns "help".
 */
export function parseCliArgs(argv: readonly string[]): CliArgs | "help" {
  const values = new Map<string, string>();
  const lists = { overlay: [] as string[], "base-overlay": [] as string[] };
  let writeChangeset = false;
  let noOverlay = false;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? "";
    const [flag, inline] = arg.startsWith("--") ? splitOnce(arg.slice(2)) : [arg, undefined];
    if (flag === "help" || arg === "-h") return "help";
    if (flag === "write-changeset") writeChangeset = true;
    else if (flag === "no-overlay") noOverlay = true;
    else if (
      ["base", "head", "format", "fail-on", "changeset-dir", "output", "overlay", "base-overlay"].includes(
        flag,
      )
    ) {
      const value = inline ?? argv[++index];
      if (value === undefined || value.startsWith("--")) throw new Error(`--${flag} needs a value.`);
      if (flag === "overlay" || flag === "base-overlay") lists[flag].push(value);
      else values.set(flag, value);
    } else {
      throw new Error(`Unknown argument \`${arg}\`.`);
    }
  }
  const base = values.get("base");
  const head = values.get("head");
  if (!base || !head)
    throw new Error(
      `Both --base and --head are required (got ${base ? "" : "no --base"}${!base && !head ? ", " : ""}${head ? "" : "no --head"}).`,
    );
  const format = values.get("format") ?? "markdown";
  if (!formats.includes(format as Format))
    throw new Error(`--format must be one of ${formats.join(", ")} (got \`${format}\`).`);
  const failOn = values.get("fail-on") ?? "none";
  if (!isBump(failOn)) throw new Error(`--fail-on must be major, minor, patch or none (got \`${failOn}\`).`);
  if (noOverlay && (lists.overlay.length || lists["base-overlay"].length)) {
    throw new Error("--no-overlay cannot be combined with --overlay or --base-overlay.");
  }
  return {
    base,
    head,
    format: format as Format,
    failOn,
    writeChangeset,
    changesetDir: values.get("changeset-dir"),
    overlays: noOverlay ? [] : lists.overlay.length ? lists.overlay : undefined,
    baseOverlays: lists["base-overlay"].length ? lists["base-overlay"] : undefined,
    output: values.get("output"),
  };
}

function splitOnce(text: string): [string, string | undefined] {
  const at = text.indexOf("=");
  return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
