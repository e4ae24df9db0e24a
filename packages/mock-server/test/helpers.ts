import type { ListVoiceLogsResponse, VoiceLog } from "@signalwire-voice/types";
import { MOCK_SERVER_DEFAULTS } from "../src/index.js";

/** The default credentials, as a header. */
export const AUTH = {
  authorization: `Basic ${btoa(`${MOCK_SERVER_DEFAULTS.projectId}:${MOCK_SERVER_DEFAULTS.token}`)}`,
};
/** Any origin works in process; links come back on it. */
export const ORIGIN = "http://mock.test";
export const LOGS_URL = `${ORIGIN}/api/voice/logs`;

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** GET with the default credentials; the body parsed as JSON. */
export async function getJson<T = ListVoiceLogsResponse>(
  fetch: Fetch,
  url: string,
  headers: Record<string, string> = AUTH,
) {
  const response = await fetch(url, { headers });
  return { status: response.status, headers: response.headers, body: (await response.json()) as T };
}

/** Follows links.next from `url` to the end; the pages in order. */
export async function walk(fetch: Fetch, url: string): Promise<ListVoiceLogsResponse[]> {
  const pages: ListVoiceLogsResponse[] = [];
  for (let next: string | undefined = url; next !== undefined; ) {
    const { status, body }: { status: number; body: ListVoiceLogsResponse } = await getJson(fetch, next);
    if (status !== 200) throw new Error(`GET ${next} answered ${status}: ${JSON.stringify(body)}`);
    pages.push(body);
    next = body.links.next;
  }
  return pages;
}

export const ids = (logs: readonly VoiceLog[]) => logs.map((log) => log.id);

/** The URL of one log (`GET /logs/{id}`), or of its events with `/events` as the suffix. */
export const logUrl = (id: string, suffix = "", base = LOGS_URL) => `${base}/${id}${suffix}`;

/** Every log of `server` with include_deleted=true, newest first, and the pages' text. */
export async function listAll(fetch: Fetch): Promise<{ logs: VoiceLog[]; pagesText: string[] }> {
  const logs: VoiceLog[] = [];
  const pagesText: string[] = [];
  for (let next: string | undefined = logsUrl({ page_size: 1000, include_deleted: "true" }); next; ) {
    const text = await (await fetch(next, { headers: AUTH })).text();
    const page = JSON.parse(text) as ListVoiceLogsResponse;
    logs.push(...page.data);
    pagesText.push(text);
    next = page.links.next;
  }
  return { logs, pagesText };
}

/** `LOGS_URL` with these query parameters. */
export function logsUrl(params: Record<string, string | number> = {}, base = LOGS_URL): string {
  const search = new URLSearchParams(
    Object.entries(params).map(([name, value]): [string, string] => [name, String(value)]),
  );
  const text = search.toString();
  return text ? `${base}?${text}` : base;
}
