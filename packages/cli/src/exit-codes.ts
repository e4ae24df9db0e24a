/**
 * What the `signalwire-voice` process exits with, so scripts can tell a typo from an outage.
 * Stable: a code never changes meaning; new failures get new numbers.
 *
 * @example
 * ```ts
 * if ((await main(argv, io)) === EXIT_CODES.network) console.error("try again later");
 * ```
 */
export const EXIT_CODES = {
  /** The records were written. */
  ok: 0,
  /** Something this program did not expect: a bug, please report it. */
  unexpected: 1,
  /** Bad command line or settings (unknown command or flag, missing or malformed id, missing credentials); nothing was sent. */
  usage: 2,
  /** The API refused the credentials (401). */
  authentication: 3,
  /** No answer after the retries: connection refused or reset, DNS, timeout. */
  network: 4,
  /** The API answered with an error, or with something that is not the API's answer. */
  server: 5,
  /** No log with that id (404). Its own code: retrying a 5 may help, retrying a 6 never will. */
  notFound: 6,
  /** The records could not be written: a full disk, a failing stdout; an export to a file can be resumed. */
  output: 7,
  /** Stopped by Ctrl-C (SIGINT) or SIGTERM, as shells report Ctrl-C (128 + 2); an export to a file can be resumed. */
  interrupted: 130,
} as const;

/**
 * One of the exit codes above.
 *
 * @example
 * ```ts
 * const code: ExitCode = EXIT_CODES.usage;
 * ```
 */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/** The exit codes as `--help` and the README list them. */
export const EXIT_CODES_HELP = `Exit codes:
  0  ok: the records are on stdout (or in --out FILE)
  1  unexpected error (a bug: please report it)
  2  usage: unknown command or flag, missing or malformed id or
     date, missing credentials, a bad --out or --resume (nothing was sent)
  3  authentication: the API refused the project id or token (401)
  4  network: no answer after retries (connection refused or reset, DNS, timeout)
  5  server: the API answered an error (5xx, 429 after retries) or an unexpected body
  6  not found: no log with that id (404)
  7  output: the records could not be written (a full disk, a failing stdout)
  130  interrupted (Ctrl-C or SIGTERM): an export to a file continues with --resume`;
