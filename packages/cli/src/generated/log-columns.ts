// Generated file. Do not edit: it is overwritten and CI fails on drift.
// Made by `pnpm generate` (signalwire-pipeline generate-cli --api voice) from the
// pipeline's apis.json → "voice" bundle: the properties of the members of VoiceLog.

/**
 * A CSV column per property a VoiceLog can have: id, type, created_at first, then the others
 * in the order they first appear in the union's members. `scalar`: the value as it is; `json`:
 * compact JSON (the spec allows a list or an object).
 */
export const LOG_COLUMNS = [
  {"name":"id","cell":"scalar"},
  {"name":"type","cell":"scalar"},
  {"name":"created_at","cell":"scalar"},
  {"name":"from","cell":"scalar"},
  {"name":"to","cell":"scalar"},
  {"name":"source","cell":"scalar"},
  {"name":"charge","cell":"scalar"},
  {"name":"charge_details","cell":"json"},
  {"name":"url","cell":"scalar"},
  {"name":"direction","cell":"scalar"},
  {"name":"status","cell":"scalar"},
  {"name":"duration","cell":"scalar"},
  {"name":"duration_ms","cell":"scalar"},
  {"name":"billing_ms","cell":"scalar"},
  {"name":"parent_id","cell":"scalar"},
  {"name":"discarded_at","cell":"scalar"},
] as const;
