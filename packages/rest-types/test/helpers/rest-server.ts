import { sendJson, startTestServer, type TestServer } from "@signalwire-voice/test-utils";

export const PROJECT_ID = "test-project";
export const TOKEN = "test-token";
export const AUTHORIZATION = `Basic ${btoa(`${PROJECT_ID}:${TOKEN}`)}`;

/**
 * One list the server answers: its items, newest first, and the filters its query takes. For a
 * path with parameters (`/api/video/room_sessions/{id}/members`), `items` is a function of them,
 * each read from its path segment and percent-decoded.
 */
export interface RestList {
  items: readonly object[] | ((params: Record<string, string>) => readonly object[]);
  /** query parameter → does this item match the value? */
  filters?: Record<string, (item: never, value: string) => boolean>;
}

/**
 * A real HTTP server on 127.0.0.1 that pages `lists` the way SignalWire's REST API does: the 200
 * body is `{ links: { self, first, next?, prev? }, data }`, and `next` is an absolute URL whose
 * query carries `page_number`, `page_size`, an opaque `page_token` and the request's filters.
 * Links keep the path as it was sent (an id percent-encoded stays so). Without the Basic
 * credentials it answers 401, for a path it does not know 404. Its `url` is the base URL of a
 * client of the REST spec, whose paths start with /api.
 */
export function startRestServer(lists: Record<string, RestList>): Promise<TestServer> {
  return startTestServer((request, response, url, origin) => {
    if (request.headers.authorization !== AUTHORIZATION)
      return sendJson(response, { error: "Unauthorized" }, 401);
    const found = listAt(lists, url.pathname);
    if (request.method !== "GET" || !found) return sendJson(response, { error: "Not Found" }, 404);
    const [list, items] = found;

    const query = Object.fromEntries(url.searchParams);
    const size = Number(query.page_size ?? 50);
    const offset = query.page_token ? Number(query.page_token.replace(/^PA/, "")) : 0;
    const filters = Object.entries(list.filters ?? {}).filter(([name]) => name in query);
    const matching = items.filter((item) =>
      filters.every(([name, keep]) => keep(item as never, query[name] as string)),
    );
    const pageUrl = (at: number) => {
      const params = new URLSearchParams(
        filters.map(([name]): [string, string] => [name, query[name] ?? ""]),
      );
      params.set("page_size", String(size));
      if (at > 0) {
        params.set("page_number", String(at / size));
        params.set("page_token", `PA${at}`);
      }
      return `${origin}${url.pathname}?${params}`;
    };
    const links = {
      self: `${origin}${url.pathname}${url.search}`,
      first: pageUrl(0),
      ...(offset + size < matching.length ? { next: pageUrl(offset + size) } : {}),
      ...(offset > 0 ? { prev: pageUrl(Math.max(0, offset - size)) } : {}),
    };
    sendJson(response, { links, data: matching.slice(offset, offset + size) });
  });
}

/** The list a request path names, and its items: a path as it is, or one a template matches. */
function listAt(
  lists: Record<string, RestList>,
  path: string,
): [list: RestList, items: readonly object[]] | undefined {
  for (const [template, list] of Object.entries(lists)) {
    const names: string[] = [];
    const pattern = template.replace(/\{([^}]+)\}/g, (_, name: string) => {
      names.push(name);
      return "([^/]+)";
    });
    const match = new RegExp(`^${pattern}$`).exec(path);
    if (!match) continue;
    if (typeof list.items !== "function") return [list, list.items];
    const params = Object.fromEntries(
      names.map((name, index) => [name, decodeURIComponent(match[index + 1] ?? "")]),
    );
    return [list, list.items(params)];
  }
  return undefined;
}
