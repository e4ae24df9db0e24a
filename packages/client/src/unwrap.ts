import { createApiError } from "./errors/create-api-error.js";

/**
 * The shape of every openapi-fetch result: `data` on success, `error` otherwise, and the `response`.
 *
 * @example
 * ```ts
 * const result: FetchResult<ListVoiceLogsResponse> = await client.GET("/logs");
 * ```
 */
export type FetchResult<T> =
  | { data: T; error?: never; response: Response }
  | { data?: never; error: unknown; response: Response };

/**
 * The throwing style: returns `data` of a successful result, throws `ApiError` (status, typed
 * body, request id) for any other. Network, timeout and abort failures already reject the call.
 *
 * @example
 * ```ts
 * const page = unwrap(await client.GET("/logs", { params: { query: { page_size: 100 } } }));
 * console.log(page.data.length, page.links.next);
 * ```
 */
export function unwrap<T>(result: FetchResult<T>): T {
  // An error status with an empty body comes back with `error: undefined`; the status decides.
  if (!result.response.ok || result.error !== undefined) throw createApiError(result.response, result.error);
  return result.data as T;
}
