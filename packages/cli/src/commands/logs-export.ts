import type { FetchFunction, VoiceClient } from "@signalwire-voice/client";
import { EXIT_CODES, type ExitCode } from "../exit-codes.js";
import { openExportFile, openStreamExport } from "../export/export-file.js";
import type { ExportOptions } from "../export/export-options.js";
import { formatOf } from "../export/format-of.js";
import type { Writable } from "../export/output-sink.js";
import { rateLimitGate } from "../export/rate-limit-gate.js";
import { runWindows } from "../export/run-windows.js";
import type { WindowState } from "../export/state-file.js";
import { splitRange } from "../export/time-windows.js";
import { walkWindow } from "../export/window-walk.js";
import { createProgress } from "../progress/create-progress.js";
import type { WindowProgress } from "../progress/export-progress.js";

/** Where messages go: `process.stderr` or alike; `isTTY` chooses the progress bar. */
interface Messages {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
}

/** Retries per request: an export makes thousands, and a rate limit should slow it, not end it. */
const EXPORT_RETRIES = 5;

/**
 * `signalwire-voice logs export`: every log created in `[since, until)`, newest first, as NDJSON
 * (one line each, exactly the API's JSON) or CSV. The range is cut into time windows walked
 * side by side by `concurrency` workers; the output holds them window by window, so it is the
 * same whatever the concurrency. To a file, each page is on disk before the state file counts
 * it, so `--resume` after a crash writes every log exactly once. `signal` stops the export
 * (exit 130). Throws `UsageError` before any request for a bad `--out` or `--resume`, and the
 * client's errors.
 *
 * @example
 * ```ts
 * const code = await logsExport((settings) => createVoiceClient(settings), options, { stdout: process.stdout, stderr: process.stderr });
 * ```
 */
export async function logsExport(
  connect: (settings: { fetch: FetchFunction; maxRetries: number }) => VoiceClient,
  options: ExportOptions,
  io: {
    stdout: Writable;
    stderr: Messages;
    fetch?: FetchFunction | undefined;
    signal?: AbortSignal | undefined;
  },
): Promise<ExitCode> {
  const format = formatOf(options.format);
  const filters = {
    since: options.range.since.toJSON(),
    until: options.range.until.toJSON(),
    include_deleted: options.includeDeleted,
    format: options.format,
  };
  const mode = options.progress === "auto" ? (io.stderr.isTTY ? "bar" : "lines") : options.progress;
  const progress = await createProgress(mode, { stream: io.stderr });
  const gate = rateLimitGate(io.fetch ?? globalThis.fetch, {
    onPause: (ms, status) =>
      progress.waiting({ ms, reason: status === 429 ? "rate limited (429)" : "service unavailable (503)" }),
  });
  // The client checks the settings: a bad one fails before FILE is created.
  const client = connect({ fetch: gate, maxRetries: EXPORT_RETRIES });
  const windows = splitRange(options.range, options.concurrency);
  const opened =
    options.out === undefined
      ? await openStreamExport(io.stdout, { format, windows, filters, signal: io.signal })
      : await openExportFile(options.out, filters, { resume: options.resume, format, windows });
  if (opened === "complete") {
    if (options.progress !== "none") {
      io.stderr.write(`signalwire-voice: the export at ${options.out} is already complete; nothing to do.\n`);
    }
    return EXIT_CODES.ok;
  }
  const { output } = opened;
  const { signal } = io;
  try {
    progress.start({
      since: options.range.since,
      until: options.range.until,
      out: options.out ?? "stdout",
      windows: output.state.windows.map(progressOf),
      concurrency: options.concurrency,
    });
    await runWindows(output, {
      concurrency: options.concurrency,
      minimumSplit: options.pageSize,
      signal,
      onSplit: ({ index, at }) => progress.split({ window: index, at }),
      walk: (window, claim, stop) =>
        walkWindow(client, window, {
          includeDeleted: options.includeDeleted,
          pageSize: options.pageSize,
          format,
          signal: stop,
          claim,
          write: async (page) => {
            await output.write(window, page);
            progress.page({
              window: output.state.windows.indexOf(window),
              logs: page.logs,
              reached: page.reached,
              done: page.done,
            });
          },
        }),
    });
    await output.finish();
    progress.finish();
    return EXIT_CODES.ok;
  } catch (error) {
    progress.stop();
    // What was written is saved for --resume (unless a write itself failed: then the last
    // checkpoint stands).
    await output.checkpoint().catch(() => {});
    if (signal?.aborted) {
      io.stderr.write(`signalwire-voice: ${opened.interruptedMessage}\n`);
      return EXIT_CODES.interrupted;
    }
    throw error;
  } finally {
    await opened.close();
  }
}

function progressOf(window: WindowState): WindowProgress {
  return {
    since: new Date(window.since),
    until: new Date(window.until),
    reached: new Date(window.reached),
    logs: window.logs,
    pages: window.pages,
    done: window.done,
  };
}
