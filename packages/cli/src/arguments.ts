import { parseArgs } from "node:util";
import type { ExportOptions } from "./export/export-options.js";
import { timeRangeOf } from "./export/time-range.js";
import type { HelpTopic } from "./usage.js";
import { UsageError } from "./usage-error.js";

/** The connection flags: each overrides its `SIGNALWIRE_*` variable. */
export interface ConnectionFlags {
  space?: string;
  projectId?: string;
  token?: string;
  baseUrl?: string;
}

/**
 * What the command line asks for: a help text, or a command on one log.
 *
 * @example
 * ```ts
 * const parsed: ParsedArguments = { kind: "run", command: "logs get", id, pretty: false, connection: {} };
 * ```
 */
export type ParsedArguments =
  | { kind: "help"; topic: HelpTopic; connection: ConnectionFlags }
  | {
      kind: "run";
      command: "logs get" | "logs events";
      id: string;
      pretty: boolean;
      connection: ConnectionFlags;
    }
  | { kind: "run"; command: "logs export"; export: ExportOptions; connection: ConnectionFlags };

const OPTIONS = {
  space: { type: "string" },
  "project-id": { type: "string" },
  token: { type: "string" },
  "base-url": { type: "string" },
  pretty: { type: "boolean" },
  since: { type: "string" },
  until: { type: "string" },
  "include-deleted": { type: "boolean" },
  format: { type: "string" },
  out: { type: "string" },
  resume: { type: "boolean" },
  "page-size": { type: "string" },
  concurrency: { type: "string" },
  progress: { type: "string" },
  quiet: { type: "boolean", short: "q" },
  help: { type: "boolean", short: "h" },
} as const;

const HINT = "Run `signalwire-voice --help` for usage.";

// The flags only `logs export` reads, and the one only `logs get` and `logs events` read.
const EXPORT_FLAGS = [
  "since",
  "until",
  "include-deleted",
  "format",
  "out",
  "resume",
  "page-size",
  "concurrency",
  "progress",
  "quiet",
] as const;

const PROGRESS_MODES = ["auto", "bar", "lines", "json"] as const;

/**
 * Reads the command line (without `node` and the script). Flags may stand anywhere; `--` ends
 * them. Throws `UsageError` with a one-line message for anything it cannot run.
 *
 * @example parseArguments(["logs", "get", id, "--pretty"]) // { kind: "run", command: "logs get", id, pretty: true, … }
 */
export function parseArguments(argv: readonly string[]): ParsedArguments {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${flagProblem(error)} ${HINT}`);
  }
  const { values, positionals } = parsed;
  const connection: ConnectionFlags = {
    ...(values.space !== undefined && { space: values.space }),
    ...(values["project-id"] !== undefined && { projectId: values["project-id"] }),
    ...(values.token !== undefined && { token: values.token }),
    ...(values["base-url"] !== undefined && { baseUrl: values["base-url"] }),
  };
  const [group, command, id, ...rest] = positionals;
  // Names are quoted only when they are known words or short: an argument in the wrong place
  // could be a secret.
  if (group === undefined) {
    if (values.help) return { kind: "help", topic: "", connection };
    throw new UsageError(`Missing a command: expected \`logs get <id>\` or \`logs events <id>\`. ${HINT}`);
  }
  if (group !== "logs") throw new UsageError(`Unknown command ${quote(group)}: expected \`logs\`. ${HINT}`);
  if (command === undefined) {
    if (values.help) return { kind: "help", topic: "logs", connection };
    throw new UsageError(
      `Missing a command after \`logs\`: expected \`get <id>\` or \`events <id>\`. ${HINT}`,
    );
  }
  if (command !== "get" && command !== "events" && command !== "export") {
    throw new UsageError(
      `Unknown command ${quote(`logs ${command}`)}: expected \`logs get\`, \`logs events\` or \`logs export\`. ${HINT}`,
    );
  }
  const name = `logs ${command}` as const;
  if (values.help) return { kind: "help", topic: name, connection };
  if (name === "logs export") {
    if (id !== undefined) {
      throw new UsageError(`\`logs export\` takes no arguments, only flags: --since and --until. ${HINT}`);
    }
    return { kind: "run", command: name, export: exportOptionsOf(values), connection };
  }
  const exportFlag = EXPORT_FLAGS.find((flag) => values[flag] !== undefined);
  if (exportFlag)
    throw new UsageError(`--${exportFlag} belongs to \`logs export\`, not \`${name}\`. ${HINT}`);
  if (id === undefined) {
    throw new UsageError(`Missing the log id: \`signalwire-voice ${name} <id>\`, the id a UUID. ${HINT}`);
  }
  if (rest.length > 0) {
    throw new UsageError(`\`${name}\` takes one id, got ${rest.length + 1} arguments. ${HINT}`);
  }
  return { kind: "run", command: name, id, pretty: values.pretty ?? false, connection };
}

/** The flags of `logs export`, checked: every problem a `UsageError` before anything is sent. */
function exportOptionsOf(values: {
  since?: string | undefined;
  until?: string | undefined;
  "include-deleted"?: boolean | undefined;
  format?: string | undefined;
  out?: string | undefined;
  resume?: boolean | undefined;
  "page-size"?: string | undefined;
  concurrency?: string | undefined;
  progress?: string | undefined;
  quiet?: boolean | undefined;
  pretty?: boolean | undefined;
}): ExportOptions {
  if (values.pretty)
    throw new UsageError(`\`logs export\` writes one log per line: --pretty does not apply. ${HINT}`);
  const range = timeRangeOf(values.since, values.until);
  const format = values.format ?? "ndjson";
  if (format !== "ndjson" && format !== "csv") {
    throw new UsageError(`Unknown --format ${quote(format)}: expected ndjson or csv.`);
  }
  const out = values.out === undefined || values.out === "-" ? undefined : values.out;
  if (values.out === "") throw new UsageError("Empty --out: give a file name, or - for stdout.");
  const resume = values.resume ?? false;
  if (resume && out === undefined) {
    throw new UsageError("--resume needs --out FILE: an export to stdout keeps no state to resume.");
  }
  const pageSize = integerOf("--page-size", values["page-size"] ?? "1000", 1000);
  const concurrency = integerOf("--concurrency", values.concurrency ?? "4", 32);
  const progress = values.progress ?? "auto";
  if (!(PROGRESS_MODES as readonly string[]).includes(progress)) {
    throw new UsageError(`Unknown --progress ${quote(progress)}: expected auto, bar, lines or json.`);
  }
  if (values.quiet && values.progress !== undefined) {
    throw new UsageError("--quiet shows no progress: give --quiet or --progress, not both.");
  }
  return {
    range,
    includeDeleted: values["include-deleted"] ?? false,
    format,
    out,
    resume,
    pageSize,
    concurrency,
    progress: values.quiet ? "none" : (progress as (typeof PROGRESS_MODES)[number]),
  };
}

/** A whole number flag from 1 to `most`. */
function integerOf(flag: string, text: string, most: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1 || value > most) {
    throw new UsageError(`Bad ${flag} ${quote(text)}: expected an integer from 1 to ${most}.`);
  }
  return value;
}

/** A word from the command line, for a message: quoted if short, else only its length. */
function quote(word: string): string {
  return word.length <= 30 ? JSON.stringify(word) : `(a ${word.length}-character word)`;
}

/**
 * Node's parseArgs message on one line. Its messages name the flag, never a value; an unknown
 * flag's is cut to the flag (its advice on `--` only confuses here).
 */
function flagProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = (error as { code?: unknown }).code === "ERR_PARSE_ARGS_UNKNOWN_OPTION";
  const flag = /'(-[^'=\s]*)/.exec(message)?.[1];
  if (unknown && flag) return `Unknown flag ${flag}.`;
  const sentences = message.replace(/\s*\n\s*/g, " ").trim();
  return /[.?!]$/.test(sentences) ? sentences : `${sentences}.`;
}
