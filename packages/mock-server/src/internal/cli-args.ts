import { parseArgs } from "node:util";
import { MOCK_SERVER_DEFAULTS } from "../defaults.js";
import type { FaultRule } from "../fault-rule.js";
import type { StartMockServerOptions } from "../start-mock-server.js";
import { createDataset } from "./create-dataset.js";
import { checkFaultRule } from "./faults.js";

export const DEFAULT_CLI_PORT = 4010;

export const HELP = `Usage: signalwire-voice-mock [options]

Serves a mock SignalWire Voice Logs API (GET /api/voice/logs, /logs/{id} and
/logs/{id}/events) and prints its base URL (http://HOST:PORT/api/voice) on the first line.
Stops on Ctrl-C (SIGINT) or SIGTERM.

Options:
  --host <host>        interface to listen on            (default: 127.0.0.1)
  --port <port>        port; 0 picks any free port       (default: ${DEFAULT_CLI_PORT})
  --logs <n>           live logs a plain listing returns (default: ${MOCK_SERVER_DEFAULTS.logs})
  --seed <seed>        dataset seed                      (default: ${MOCK_SERVER_DEFAULTS.seed})
  --project-id <id>    Basic auth user                   (default: ${MOCK_SERVER_DEFAULTS.projectId})
  --token <token>      Basic auth password               (default: ${MOCK_SERVER_DEFAULTS.token})
  --fault <json>       a fault rule, repeatable, e.g.
                       '{"nth":[2,3],"fault":{"type":"server-error","status":503}}'
  -h, --help           show this help
  -v, --version        show the version

Example:
  signalwire-voice-mock --port 0 --logs 10000
  curl -u ${MOCK_SERVER_DEFAULTS.projectId}:${MOCK_SERVER_DEFAULTS.token} "http://127.0.0.1:${DEFAULT_CLI_PORT}/api/voice/logs?page_size=1000"
  curl -u ${MOCK_SERVER_DEFAULTS.projectId}:${MOCK_SERVER_DEFAULTS.token} "http://127.0.0.1:${DEFAULT_CLI_PORT}/api/voice/logs/<id>/events"
`;

export type CliCommand =
  | { kind: "help" }
  | { kind: "version" }
  | { kind: "serve"; options: StartMockServerOptions };

/** The command the arguments ask for; throws an Error whose message says what to fix. */
export function parseCliArgs(args: readonly string[]): CliCommand {
  const { values } = parseArgs({
    args: [...args],
    strict: true,
    allowPositionals: false,
    options: {
      host: { type: "string" },
      port: { type: "string" },
      logs: { type: "string" },
      seed: { type: "string" },
      "project-id": { type: "string" },
      token: { type: "string" },
      fault: { type: "string", multiple: true },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "v" },
    },
  });
  if (values.help) return { kind: "help" };
  if (values.version) return { kind: "version" };
  const options: StartMockServerOptions = {
    host: values.host ?? "127.0.0.1",
    port: wholeNumber("--port", values.port ?? String(DEFAULT_CLI_PORT), 65_535),
    logs: wholeNumber("--logs", values.logs ?? String(MOCK_SERVER_DEFAULTS.logs), Number.MAX_SAFE_INTEGER),
    seed: values.seed ?? MOCK_SERVER_DEFAULTS.seed,
    projectId: values["project-id"] ?? MOCK_SERVER_DEFAULTS.projectId,
    token: values.token ?? MOCK_SERVER_DEFAULTS.token,
    faults: (values.fault ?? []).map(parseFault),
    // Nobody can read the request log of a CLI server; keeping it would grow without bound.
    recordRequests: false,
  };
  return { kind: "serve", options };
}

function wholeNumber(flag: string, text: string, max: number): number {
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(value <= max)) throw new Error(`${flag} must be a whole number from 0 to ${max}; got "${text}".`);
  return value;
}

function parseFault(text: string): FaultRule {
  let rule: FaultRule;
  try {
    rule = JSON.parse(text) as FaultRule;
  } catch {
    throw new Error(
      `--fault must be a JSON fault rule such as '{"first":1,"fault":{"type":"reset"}}'; got ${text}`,
    );
  }
  checkFaultRule(rule);
  return rule;
}

/**
 * The id of the newest live log the options serve, for the startup line's example; undefined
 * with no logs. Read off the dataset, not asked of the server: that would count against the
 * fault rules and show in nobody's request log.
 */
export function firstLogId({
  logs = 0,
  seed = 1,
  projectId = "",
}: StartMockServerOptions): string | undefined {
  const dataset = createDataset({ logs, seed, projectId });
  let position = 0;
  while (position < dataset.size && dataset.isDiscarded(position)) position++;
  return position < dataset.size ? dataset.id(position) : undefined;
}
