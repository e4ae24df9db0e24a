import type { ServerResponse } from "node:http";
import { sendJson, startTestServer, type TestServer } from "@signalwire-voice/test-utils";

/** An item of the second list: nothing like a voice log. */
export interface Thing {
  id: number;
  color: "red" | "blue";
}

/** An item of the third list, a path with a parameter: a part of one thing. */
export interface Part {
  /** The id of the thing it is a part of, as the server decoded it from the path. */
  thing: string;
  index: number;
}

type Json<T> = { content: { "application/json": T } };

/**
 * A hand-written `paths`, as openapi-typescript would write it: one list with the SignalWire
 * shape, one list under a path parameter, one path whose body is a single item, one with no GET,
 * one GET whose list lacks links.
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
  "/things/{id}/parts": {
    get: {
      parameters: {
        query?: { page_size?: number; page_token?: string; kind?: "bolt" | "nut" };
        path: { id: string };
      };
      responses: {
        200: Json<{ links: { self: string; next?: string }; data: Part[] }>;
        404: Json<{ error: string }>;
      };
    };
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
 * `page_token` (the index to start at), `color` filtering. And of `GET /api/things/{id}/parts`,
 * for any id (one path segment, percent-decoded): `count` parts of that thing, paged the same
 * way, its `next` links on the path as it was sent.
 */
export function startThingServer(count: number): Promise<TestServer> {
  const things: Thing[] = Array.from({ length: count }, (_, id) => ({ id, color: id % 3 ? "red" : "blue" }));
  return startTestServer((_, response, url, origin) => {
    const parts = /^\/api\/things\/([^/]+)\/parts$/.exec(url.pathname);
    if (parts) return sendParts(response, url, origin, decodeURIComponent(parts[1] as string), count);
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

function sendParts(response: ServerResponse, url: URL, origin: string, thing: string, count: number): void {
  const kind = url.searchParams.get("kind");
  const parts = Array.from({ length: count }, (_, index) => ({ thing, index })).filter(
    ({ index }) => !kind || (index % 2 ? "nut" : "bolt") === kind,
  );
  const size = Number(url.searchParams.get("page_size") ?? 10);
  const start = Number(url.searchParams.get("page_token") ?? 0);
  const next = new URLSearchParams({ page_size: `${size}`, page_token: `${start + size}` });
  if (kind) next.set("kind", kind);
  const self = `${origin}${url.pathname}${url.search}`;
  const links = start + size < parts.length ? { self, next: `${origin}${url.pathname}?${next}` } : { self };
  sendJson(response, { links, data: parts.slice(start, start + size) });
}
