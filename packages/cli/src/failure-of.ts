import {
  ApiError,
  InputError,
  NetworkError,
  RedirectError,
  ResponseTooLargeError,
  TimeoutError,
  UnexpectedResponseError,
} from "@signalwire-voice/client";
import { PaginationLoopError, UnsafeNextLinkError } from "@signalwire-voice/pagination";
import { EXIT_CODES, type ExitCode } from "./exit-codes.js";
import { UsageError } from "./usage-error.js";

/**
 * What a failure means for the user: the exit code and the message for stderr (before the
 * program's name and the one-line cleanup that `main` does).
 *
 * @example
 * ```ts
 * const failure: Failure = { code: EXIT_CODES.notFound, message: "no log …" };
 * ```
 */
export interface Failure {
  code: ExitCode;
  message: string;
}

/** What a write to FILE or stdout fails with when the disk or the file system refuses it. */
const OUTPUT_ERRORS = new Set(["ENOSPC", "EDQUOT", "EIO", "EFBIG", "EROFS"]);

const FLAGS = "On the command line: --space, --project-id, --token or --base-url (see --help).";

const CREDENTIALS =
  "Set SIGNALWIRE_PROJECT_ID and SIGNALWIRE_API_TOKEN (or --project-id and --token) to a project and a token with the Voice scope.";

/**
 * Maps an error to its exit code and message, one rule a line. The client's messages are
 * already redacted and say what was expected; they are used as they are.
 *
 * @example failureOf(new UsageError("Missing the log id."), id) // { code: 2, message: "Missing the log id." }
 */
export function failureOf(error: unknown, id?: string): Failure {
  // The command line or the settings (a non-UUID id, missing credentials): nothing was sent.
  if (error instanceof UsageError) return { code: EXIT_CODES.usage, message: error.message };
  // The client speaks of options; a settings problem is fixed here with flags or variables.
  if (error instanceof InputError) {
    const flags = error.field === "path.id" ? "" : ` ${FLAGS}`;
    return { code: EXIT_CODES.usage, message: `${error.message}${flags}` };
  }
  // The API refused the credentials.
  if (error instanceof ApiError && error.status === 401) {
    return { code: EXIT_CODES.authentication, message: `${error.message} ${CREDENTIALS}` };
  }
  // A log's path answers 404 for one reason only: no log with this id in this project.
  if (error instanceof ApiError && error.status === 404) {
    return {
      code: EXIT_CODES.notFound,
      message: `no log ${id} in this project (404). Check the id, and that the project id is the log's project.`,
    };
  }
  // No complete answer, after the client's retries.
  if (error instanceof NetworkError || error instanceof TimeoutError) {
    return {
      code: EXIT_CODES.network,
      message: `${error.message} Try again later; the API's address comes from --space or --base-url (SIGNALWIRE_SPACE, SIGNALWIRE_BASE_URL).`,
    };
  }
  // An answer, but an error or not the API's: 5xx and 429 after retries, a redirect, a bad body,
  // a `next` link that loops back or leaves the API's origin.
  if (
    error instanceof PaginationLoopError ||
    error instanceof UnsafeNextLinkError ||
    error instanceof ApiError ||
    error instanceof UnexpectedResponseError ||
    error instanceof RedirectError ||
    error instanceof ResponseTooLargeError
  ) {
    return { code: EXIT_CODES.server, message: error.message };
  }
  // The disk (or the file system) refused a write: nothing the API or this program can fix.
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && OUTPUT_ERRORS.has(code)) {
    const what = error instanceof Error ? error.message : String(error);
    return {
      code: EXIT_CODES.output,
      message: `cannot write the records: ${what}. Free some space (or fix the disk).`,
    };
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { code: EXIT_CODES.unexpected, message: `unexpected error, please report it: ${message}` };
}
