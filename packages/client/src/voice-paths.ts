import type { Dated, ListVoiceLogsQuery, operations, paths } from "@signalwire-voice/types";

type DateParam = "created_before" | "created_on" | "created_after";

/**
 * The query of `GET /logs` as this client takes it: the spec's, except that the date filters
 * also accept `Date` objects (sent as ISO 8601). Checked before sending (`InputError`).
 *
 * @example
 * ```ts
 * const query: VoiceLogsQuery = { page_size: 100, created_after: new Date("2026-01-01") };
 * await client.GET("/logs", { params: { query } });
 * ```
 */
export type VoiceLogsQuery = {
  [K in keyof ListVoiceLogsQuery]: K extends DateParam ? ListVoiceLogsQuery[K] | Date : ListVoiceLogsQuery[K];
};

type ListLogs = operations["list_voice_logs"];

/**
 * The generated `paths` with `VoiceLogsQuery` as the query of `GET /logs`: what the client is
 * typed by. Everything else (the log and events paths, every response) is exactly the spec's.
 *
 * @example
 * ```ts
 * type LogsResponse = VoicePaths["/logs"]["get"]["responses"][200]["content"]["application/json"];
 * ```
 */
export interface VoicePaths {
  "/logs": Omit<paths["/logs"], "get"> & {
    get: Omit<ListLogs, "parameters"> & {
      parameters: Omit<ListLogs["parameters"], "query"> & { query?: VoiceLogsQuery };
    };
  };
  "/logs/{id}": paths["/logs/{id}"];
  "/logs/{id}/events": paths["/logs/{id}/events"];
}

/**
 * `VoicePaths` with every response's date-time fields typed `Date`: what a client made with
 * `withDates()` is typed by (and what `paginate()` reads its items from). The requests are
 * `VoicePaths`' own.
 *
 * @example
 * ```ts
 * type Log = DatedVoicePaths["/logs/{id}"]["get"]["responses"][200]["content"]["application/json"];
 * ```
 */
export interface DatedVoicePaths {
  "/logs": Omit<Dated.paths["/logs"], "get"> & {
    get: Omit<Dated.operations["list_voice_logs"], "parameters"> & {
      parameters: VoicePaths["/logs"]["get"]["parameters"];
    };
  };
  "/logs/{id}": Dated.paths["/logs/{id}"];
  "/logs/{id}/events": Dated.paths["/logs/{id}/events"];
}
