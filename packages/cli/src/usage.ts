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
                          every log created in [since, until), one JSON line each`;

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
         [--format ndjson] [--out FILE | -] [--resume] [--page-size <n>]

Writes every voice log created from --since (included) to --until (left out), newest first,
one JSON line per log exactly as the API sends it (NDJSON). A date is 2026-01-01 (midnight UTC)
or a date-time, 2026-01-01T12:00:00Z or 2026-01-01T13:00+01:00 (no offset: UTC).

Export options:
  --since <date>          the first moment exported (required)
  --until <date>          the moment the export stops before (required)
  --include-deleted       also the deleted logs, as { id, discarded_at, created_at }
  --format ndjson         one JSON log per line (the default and, for now, the only format)
  --out FILE              write to FILE, with FILE.state.json beside it saving the progress;
                          FILE must not exist yet. Default (or -): stdout, not resumable
  --resume                continue the export to --out FILE after a crash or Ctrl-C: same flags,
                          FILE cut back to its last complete page; a complete one is left alone
  --page-size <n>         logs per request, 1 to 1000 (default 1000)`,
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
