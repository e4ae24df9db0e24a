import type { VoiceLog } from "@signalwire-voice/client";

/**
 * How an export writes logs: NDJSON or CSV. Pages are encoded one at a time, so memory holds
 * one page whatever the export's size.
 *
 * @example
 * ```ts
 * const text = (offset === 0 ? format.header : "") + format.encode(page.items);
 * ```
 */
export interface RecordFormat {
  /** Written once, at the very start of the output (CSV's header row); "" for NDJSON. */
  readonly header: string;
  /** One page's logs as text: whole records, each ending with its line break; "" for none. */
  encode(logs: readonly VoiceLog[]): string;
}
