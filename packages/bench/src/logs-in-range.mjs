// @ts-check
// How many logs an export of `[since, until)` must write, asked of the mock itself: it serves
// `logs` live logs in all, so when it has none created before `since` nor at or after `until`,
// all of them are in the range.
import { MOCK_SERVER_DEFAULTS } from "@signalwire-voice/mock-server";

const authorization = `Basic ${btoa(`${MOCK_SERVER_DEFAULTS.projectId}:${MOCK_SERVER_DEFAULTS.token}`)}`;

/**
 * `logs`, once the mock at `baseUrl` has shown that none of its live logs lies outside
 * `[since, until)`; throws otherwise (a range that cuts the data would make the count a guess).
 *
 * @example await logsInRange({ baseUrl, logs: 200_000, since: "2025-09-01", until: "2026-01-01" }) // 200000
 * @param {{ baseUrl: string; logs: number; since: string; until: string }} options
 * @returns {Promise<number>}
 */
export async function logsInRange({ baseUrl, logs, since, until }) {
  const before = new Date(since).toISOString();
  // created_after is exclusive: a millisecond before `until` asks for `until` itself too.
  const after = new Date(new Date(until).getTime() - 1).toISOString();
  for (const [name, query] of [
    [`created before ${since}`, `created_before=${before}`],
    [`created at or after ${until}`, `created_after=${after}`],
  ]) {
    const url = `${baseUrl}/logs?page_size=1&${query}`;
    const response = await fetch(url, { headers: { authorization } });
    const body = /** @type {{ data?: unknown[] }} */ (await response.json());
    if (!response.ok || !Array.isArray(body.data)) {
      throw new Error(`bench: ${url} answered ${response.status}: ${JSON.stringify(body).slice(0, 200)}`);
    }
    if (body.data.length > 0) {
      throw new Error(
        `bench: the mock has logs ${name}; widen the export's range to hold all ${logs} logs, or count them.`,
      );
    }
  }
  return logs;
}
