import { csvFormat } from "./csv-format.js";
import type { ExportFormat } from "./export-options.js";
import { ndjsonFormat } from "./ndjson-format.js";
import type { RecordFormat } from "./record-format.js";

/**
 * The record format of a `--format` name.
 *
 * @example formatOf("csv") === csvFormat
 */
export function formatOf(name: ExportFormat): RecordFormat {
  return name === "csv" ? csvFormat : ndjsonFormat;
}
