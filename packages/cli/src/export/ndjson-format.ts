import type { RecordFormat } from "./record-format.js";

/**
 * NDJSON: one log per line, exactly the API's JSON for it.
 *
 * @example ndjsonFormat.encode([log]) // '{"id":"…","type":"relay_webrtc_call",…}\n'
 */
export const ndjsonFormat: RecordFormat = {
  header: "",
  encode: (logs) => logs.map((log) => `${JSON.stringify(log)}\n`).join(""),
};
