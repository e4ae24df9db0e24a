import type { Client } from "openapi-fetch";

/**
 * The 200 body of a list that `paginate()` can walk: `links.next` (absent, or null, on the last
 * page) and the page's items in `data`. SignalWire lists add `self`, `first` and `prev`.
 *
 * @example
 * ```ts
 * const body: ListBody<{ id: string }> = { links: { next: "https://…/things?page_token=PA1" }, data: [{ id: "1" }] };
 * ```
 */
export interface ListBody<T = unknown> {
  links: { next?: string | null | undefined };
  data: T[];
}

/**
 * What `paginate()` calls: openapi-fetch's `GET`. Any openapi-fetch client fits, and so does a
 * client that declares its own `GET` per path, like `VoiceClient`.
 *
 * @example
 * ```ts
 * const client: ListClient = createVoiceClient();
 * ```
 */
export interface ListClient {
  GET(...args: never[]): Promise<{ data?: unknown; error?: unknown; response: Response }>;
}

type JsonOk<Operation> = Operation extends {
  responses: { 200: { content: { "application/json": infer B } } };
}
  ? B
  : never;
type Get<PathItem> = PathItem extends { get: infer Operation } ? Operation : never;
// A generic openapi-fetch client is typed by its `paths`: read the path's schema, since a
// generic `GET` cannot be asked what it returns for one path. Otherwise its `GET` for `P` says
// what it answers and which parameters it takes.
type Typed<C, P, Part extends "body" | "query" | "path"> =
  C extends Client<infer Paths, infer _Media>
    ? P extends keyof Paths
      ? Part extends "body"
        ? JsonOk<Get<Paths[P]>>
        : Part extends "query"
          ? Get<Paths[P]> extends { parameters: { query?: infer Q } }
            ? Q
            : never
          : // Required where the path has parameters; openapi-typescript writes `path?: never` where not.
            Get<Paths[P]> extends { parameters: { path: infer PP } }
            ? PP
            : never
      : never
    : C extends { GET(url: P, init?: infer Init): Promise<infer Result> }
      ? Part extends "body"
        ? NonNullable<Result extends { data?: infer D } ? D : never>
        : Part extends "query"
          ? Init extends { params?: { query?: infer Q } }
            ? Q
            : never
          : Init extends { params: { path: infer PP } }
            ? PP
            : never
      : never;

/**
 * The 200 body of `GET path` on client `C`.
 *
 * @example
 * ```ts
 * type Body = ListResponse<VoiceClient, "/logs">; // ListVoiceLogsResponse
 * ```
 */
export type ListResponse<C, P> = Typed<C, P, "body">;

type Paths<C> =
  C extends Client<infer Paths, infer _Media>
    ? keyof Paths
    : C extends { GET(url: infer P, ...init: never[]): unknown }
      ? P
      : never;

/**
 * The paths of client `C` whose `GET` answers a list ({@link ListBody}): what `paginate()`
 * accepts. Other paths do not compile.
 *
 * @example
 * ```ts
 * type Lists = ListPath<VoiceClient>; // "/logs"
 * ```
 */
export type ListPath<C> = {
  // `never` (no such GET) would pass the test below: keep it out first.
  [P in Paths<C> & string]: [ListResponse<C, P>] extends [never]
    ? never
    : ListResponse<C, P> extends ListBody
      ? P
      : never;
}[Paths<C> & string];

/**
 * The items of `GET path` on client `C`: `VoiceLog` for `"/logs"` of `VoiceClient`.
 *
 * @example
 * ```ts
 * const logs: ListItem<VoiceClient, "/logs">[] = await paginate(client, "/logs").toArray();
 * ```
 */
export type ListItem<C, P> = ListResponse<C, P> extends ListBody<infer T> ? T : never;

/**
 * The `links` of a page of `GET path` on client `C`.
 *
 * @example
 * ```ts
 * type Links = ListLinks<VoiceClient, "/logs">; // { self, first, next?, prev? }
 * ```
 */
export type ListLinks<C, P> = ListResponse<C, P> extends { links: infer L } ? L : never;

/**
 * The filters `GET path` takes: its query without the pagination parameters, which
 * `paginate()` owns (`page_size` comes from `pageSize`, the rest from the `next` links).
 *
 * @example
 * ```ts
 * const query: ListFilters<VoiceClient, "/logs"> = { created_after: new Date("2026-01-01") };
 * ```
 */
export type ListFilters<C, P> = Omit<
  NonNullable<Typed<C, P, "query">>,
  "page_size" | "page_number" | "page_token"
>;

/**
 * The path parameters `GET path` takes, as `paginate()`'s `path` option: `{ id: string }` for
 * `"/api/fabric/resources/{id}/addresses"`; `never` for a path without any.
 *
 * @example
 * ```ts
 * const path: ListPathParams<Client<paths>, "/api/fabric/resources/{id}/addresses"> = { id: resourceId };
 * ```
 */
export type ListPathParams<C, P> = Typed<C, P, "path">;
