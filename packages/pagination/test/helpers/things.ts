import { sendJson, startTestServer, type TestServer } from "@signalwire-voice/test-utils";

/** An item of the second list: nothing like a voice log. */
export interface Thing {
  id: number;
  color: "red" | "blue";
}

type Json<T> = { content: { "application/json": T } };

/**
 * A hand-written `paths`, as openapi-typescript would write it: one list with the SignalWire
 * shape, one path whose body is a single item, one with no GET, one GET whose list lacks links.
 */
export interface ThingPaths {
  "/things": {
    get: {
      parameters: {
        query?: { page_size?: number; page_number?: number; page_token?: string; color?: Thing["color"] };
      };
      responses: {
        200: Json<{ links: { self: string; next?: string }; data: Thing[] }>;
        404: Json<{ error: string }>;
      };
    };
  };
  "/things/{id}": {
    get: { parameters: { path: { id: number } }; responses: { 200: Json<Thing> } };
  };
  "/things/import": {
    get?: never;
    post: { responses: { 200: Json<{ links: { next?: string }; data: Thing[] }> } };
  };
  "/colors": {
    get: { responses: { 200: Json<{ data: string[] }> } };
  };
}

/**
 * A real server of `GET /api/things`: `count` things, `page_size` a page, the next page by a
 * `page_token` (the index to start at), `color` filtering. A request with `fail=1` in its token
 * answers 404.
 */
export function startThingServer(count: number): Promise<TestServer> {
  const things: Thing[] = Array.from({ length: count }, (_, id) => ({ id, color: id % 3 ? "red" : "blue" }));
  return startTestServer((_, response, url, origin) => {
    if (url.pathname !== "/api/things") return sendJson(response, { error: "Not Found" }, 404);
    const query = url.searchParams;
    const size = Number(query.get("page_size") ?? 10);
    const start = Number(query.get("page_token") ?? 0);
    const color = query.get("color");
    const matching = things.filter((thing) => !color || thing.color === color);
    const data = matching.slice(start, start + size);
    const self = `${origin}${url.pathname}${url.search}`;
    const next = new URLSearchParams({ page_size: `${size}`, page_token: `${start + size}` });
    if (color) next.set("color", color);
    const links = start + size < matching.length ? { self, next: `${origin}/api/things?${next}` } : { self };
    sendJson(response, { links, data });
  });
}
