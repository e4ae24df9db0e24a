import type { TimeRange } from "./time-range.js";

/** The `--format` names. */
export type ExportFormat = "ndjson" | "csv";

/** The `--progress` modes; `--quiet` is "none". "auto": a bar on a terminal, lines otherwise. */
export type ProgressMode = "auto" | "bar" | "lines" | "json" | "none";

/**
 * What `signalwire-voice logs export` was asked for, checked.
 *
 * @example
 * ```ts
 * const options: ExportOptions = { range, includeDeleted: false, format: "ndjson", out: "logs.ndjson", resume: false, pageSize: 1000, concurrency: 4, progress: "auto" };
 * ```
 */
export interface ExportOptions {
  range: TimeRange;
  includeDeleted: boolean;
  format: ExportFormat;
  /** The file to write, with a state file beside it; undefined for stdout. */
  out: string | undefined;
  resume: boolean;
  pageSize: number;
  /** Windows walked at once. */
  concurrency: number;
  progress: ProgressMode;
}
