import type { TimeRange } from "./time-range.js";

/**
 * What `signalwire-voice logs export` was asked for, checked.
 *
 * @example
 * ```ts
 * const options: ExportOptions = { range, includeDeleted: false, format: "ndjson", out: "logs.ndjson", resume: false, pageSize: 1000 };
 * ```
 */
export interface ExportOptions {
  range: TimeRange;
  includeDeleted: boolean;
  format: "ndjson";
  /** The file to write, with a state file beside it; undefined for stdout. */
  out: string | undefined;
  resume: boolean;
  pageSize: number;
}
