import type { VoiceClient } from "@signalwire-voice/client";
import { paginate } from "@signalwire-voice/pagination";
import { EXIT_CODES, type ExitCode } from "../exit-codes.js";
import { openExportFile } from "../export/export-file.js";
import type { ExportOptions } from "../export/export-options.js";
import { stdoutTarget } from "../export/export-target.js";
import { logsQueryOf } from "../export/time-range.js";

/** Where the records and messages go: `process.stdout`, `process.stderr` or alike. */
interface Output {
  write(text: string): unknown;
}

/**
 * `signalwire-voice logs export`: every log created in `[since, until)`, newest first, one JSON
 * line each, as the API sends it. To a file, each page is on disk before the state file counts
 * it, so `--resume` after a crash writes every log exactly once. `signal` stops the export after
 * the page being written (exit 130). Throws `UsageError` before any request for a bad `--out`
 * or `--resume`, and the client's errors.
 *
 * @example
 * ```ts
 * const code = await logsExport(createVoiceClient(), options, { stdout: process.stdout, stderr: process.stderr });
 * ```
 */
export async function logsExport(
  client: VoiceClient,
  options: ExportOptions,
  io: { stdout: Output; stderr: Output; signal?: AbortSignal | undefined },
): Promise<ExitCode> {
  const filters = {
    since: options.range.since.toJSON(),
    until: options.range.until.toJSON(),
    include_deleted: options.includeDeleted,
    format: options.format,
  };
  const target =
    options.out === undefined
      ? stdoutTarget(io.stdout)
      : await openExportFile(options.out, filters, { resume: options.resume });
  if (target === "complete") {
    io.stderr.write(`signalwire-voice: the export at ${options.out} is already complete; nothing to do.\n`);
    return EXIT_CODES.ok;
  }
  const { signal } = io;
  const interrupted = () => {
    io.stderr.write(`signalwire-voice: ${target.interruptedMessage}\n`);
    return EXIT_CODES.interrupted;
  };
  try {
    // A cursor carries its page size: giving another one with it would be an error.
    const walk = paginate(client, "/logs", {
      query: logsQueryOf(options.range, options.includeDeleted),
      signal,
      ...(target.cursor === undefined ? { pageSize: options.pageSize } : { cursor: target.cursor }),
    });
    for await (const page of walk.pages()) {
      await target.write(page.items.map((log) => `${JSON.stringify(log)}\n`).join(""), page.cursor);
      if (signal?.aborted) return interrupted();
    }
    await target.finish();
    return EXIT_CODES.ok;
  } catch (error) {
    if (signal?.aborted) return interrupted();
    throw error;
  } finally {
    await target.close();
  }
}
