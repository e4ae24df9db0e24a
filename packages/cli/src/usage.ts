import { EXIT_CODES_HELP } from "./exit-codes.js";

/** The commands `--help` can describe, by their words on the command line. */
export type HelpTopic = "" | "logs" | "logs get" | "logs events" | "logs export";

const ENVIRONMENT = `Environment:
  SIGNALWIRE_SPACE        your Space: the "example" of example.signalwire.com
  SIGNALWIRE_PROJECT_ID   your Project ID
  SIGNALWIRE_API_TOKEN    an API token with the Voice scope
  SIGNALWIRE_BASE_URL     the API's base URL instead of a Space (a proxy, a mock server)
Environment variables are the safer way to pass the token: a --token value shows up in
shell history and in process lists (ps) for anyone on the machine.`;

const CONNECTION = `Options (override the environment):
  --space <name>          the Space (SIGNALWIRE_SPACE)
  --project-id <id>       the Project ID (SIGNALWIRE_PROJECT_ID)
  --token <token>         the API token (SIGNALWIRE_API_TOKEN; prefer the variable, see below)
  --base-url <url>        the API's base URL (SIGNALWIRE_BASE_URL), e.g. http://127.0.0.1:4010/api/voice
  --pretty                indent the JSON (default: one line)
  -h, --help              this help`;

const COMMANDS = `Commands:
  logs get <id>           one voice log, as JSON
  logs events <id>        the log's events, as JSON: { "data": [...] }
  logs export --since <date> --until <date>
                          every log created in [since, until), as NDJSON or CSV`;

const HELP: Record<HelpTopic, string> = {
  "": `Usage: signalwire-voice <command> [options]

SignalWire voice logs from the shell. Records go to stdout, messages to stderr.`,
  logs: `Usage: signalwire-voice logs <get|events> <id> [options]
       signalwire-voice logs export --since <date> --until <date> [options]`,
  "logs get": `Usage: signalwire-voice logs get <id> [options]

Writes the voice log with this id (a UUID) to stdout as JSON, exactly as the API answers it.`,
  "logs events": `Usage: signalwire-voice logs events <id> [options]

Writes the events of the voice log with this id (a UUID) to stdout as JSON, oldest first:
{ "data": [ { "event_at": ..., "name": ..., "level": ..., ... } ] }.`,
  "logs export": `Usage: signalwire-voice logs export --since <date> --until <date> [--include-deleted]
         [--format ndjson|csv] [--out FILE | -] [--resume] [--concurrency <n>]
         [--page-size <n>] [--progress auto|bar|lines|json | --quiet]

Writes every voice log created from --since (included) to --until (left out), newest first:
one JSON line per log exactly as the API sends it (NDJSON), or CSV. A date is 2026-01-01
(midnight UTC) or a date-time, 2026-01-01T12:00:00Z or 2026-01-01T13:00+01:00 (no offset: UTC).
The range is cut into time windows walked side by side; the output is the same whatever the
number of workers. A 429 (rate limited) pauses every worker for its Retry-After.

Export options:
  --since <date>          the first moment exported (required)
  --until <date>          the moment the export stops before (required)
  --include-deleted       also the deleted logs, as { id, discarded_at, created_at }
  --format ndjson|csv     one JSON log per line (default), or CSV with a header row: a column
                          per field of any log kind, lists as JSON in one cell
  --out FILE              write to FILE, with FILE.state.json beside it saving the progress
                          (and FILE.parts/ while workers run ahead); FILE must not exist yet.
                          Default (or -): stdout, not resumable
  --resume                continue the export to --out FILE after a crash or Ctrl-C: same flags,
                          FILE cut back to its last complete page; a complete one is left alone
  --concurrency <n>       time windows walked at once, 1 to 32 (default 4)
  --page-size <n>         logs per request, 1 to 1000 (default 1000)
  --progress <mode>       on stderr: auto (default: a bar on a terminal, else a line every 5 s),
                          bar, lines, or json (one JSON event per line)
  -q, --quiet             no progress and no summary; failures are still reported`,
};

/**
 * The `--help` text of a command (`""` for the program itself): usage, commands, options,
 * environment variables and exit codes.
 *
 * @example
 * ```ts
 * process.stdout.write(helpText("logs get"));
 * ```
 */
export function helpText(topic: HelpTopic): string {
  return `${HELP[topic]}\n\n${COMMANDS}\n\n${CONNECTION}\n\n${ENVIRONMENT}\n\n${EXIT_CODES_HELP}\n`;
}
