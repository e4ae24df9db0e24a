import type { VoiceLog } from "@signalwire-voice/client";
import { stringify } from "csv-stringify/sync";
import { LOG_COLUMNS } from "../generated/log-columns.js";
import { cellText, neutralizeFormula } from "./csv-cell.js";
import type { RecordFormat } from "./record-format.js";

/** The spec's properties named `other`: none, or the last column's header would be ambiguous. */
type SpecOther = Extract<(typeof LOG_COLUMNS)[number]["name"], "other">;
/**
 * The last column: every property the spec does not know, as one JSON object. Its type stops
 * this file compiling the day the spec gains a property of the same name.
 */
const OTHER: [SpecOther] extends [never] ? "other" : never = "other";

const KNOWN: ReadonlySet<string> = new Set(LOG_COLUMNS.map(({ name }) => name));

/**
 * RFC 4180: comma-separated, CRLF after every record (the last one too), a field quoted with `"`
 * when it holds a comma, a quote or a line break, and a quote inside doubled. No BOM.
 * Every field is already a string, so csv-stringify's own casting (booleans as "1"…) never runs.
 */
const OPTIONS = { record_delimiter: "\r\n", bom: false } as const;

/**
 * One log's cells, in the header's order: a column per property of the spec, then `other`.
 *
 * @example
 * rowOf({ id, type: "laml_call", …, surprise: 1 }) // [id, "laml_call", …, '{"surprise":1}']
 */
function rowOf(log: VoiceLog): string[] {
  const record = log as Readonly<Record<string, unknown>>;
  const row = LOG_COLUMNS.map(({ name, cell }) => neutralizeFormula(cellText(record[name], cell)));
  const unknown = Object.keys(record).filter((key) => !KNOWN.has(key));
  // Object.fromEntries defines each key as data, so even a server's "__proto__" stays a key.
  const other =
    unknown.length === 0 ? "" : JSON.stringify(Object.fromEntries(unknown.map((key) => [key, record[key]])));
  row.push(neutralizeFormula(other));
  return row;
}

/**
 * CSV (RFC 4180, UTF-8 without BOM, CRLF): a header row, then one row per log. A column per
 * property any kind of voice log has in the spec (`id`, `type`, `created_at` first; generated
 * into `src/generated/log-columns.ts`), empty where a log lacks it or it is null; lists and
 * objects (`charge_details`) as compact JSON in one cell; then `other`, a JSON object of the
 * properties the spec does not know (empty when none), so nothing a server sends is lost. A
 * cell a spreadsheet would run as a formula begins with `'` (see `csv-cell.ts`).
 *
 * @example
 * ```ts
 * const text = (offset === 0 ? csvFormat.header : "") + csvFormat.encode(page.items);
 * // id,type,created_at,from,…,discarded_at,other\r\n
 * // b7182dc2-…,relay_pstn_call,2026-01-01T00:00:00Z,+12065551212,…\r\n
 * ```
 */
export const csvFormat: RecordFormat = {
  header: stringify([[...LOG_COLUMNS.map(({ name }) => name), OTHER]], OPTIONS),
  encode: (logs) => (logs.length === 0 ? "" : stringify(logs.map(rowOf), OPTIONS)),
};
