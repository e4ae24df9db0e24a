/**
 * The command line is wrong: an unknown command or flag, a missing id. Exit code 2; the message
 * is one line that names the fix.
 *
 * @example
 * ```ts
 * throw new UsageError("Missing the log id. Usage: signalwire-voice logs get <id>");
 * ```
 */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
