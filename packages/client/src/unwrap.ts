import { createApiError } from "./errors/create-api-error.js";
import { UnexpectedResponseError } from "./errors/unexpected-response-error.js";
import { redactorOf } from "./redactor-of.js";

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
 * The `data` of a result's success member. Read from that member alone: under `strict` without
 * `exactOptionalPropertyTypes`, the error member's `data?: never` reads as `undefined`, and
 * inferring from both would make it `T | undefined`.
 */
type SuccessData<R> = R extends { data: infer D; error?: never } ? D : never;

/**
 * The throwing style: returns `data` of a successful result, throws `ApiError` (status, typed
 * body, request id) for any other. A success without a JSON object (an empty body, a 204, `null`,
 * a list) is not what this API answers: `UnexpectedResponseError`. Network, timeout and abort
 * failures already reject the call.
 *
 * @example
 * ```ts
 * const page = unwrap(await client.GET("/logs", { params: { query: { page_size: 100 } } }));
 * console.log(page.data.length, page.links.next);
 * ```
 */
export function unwrap<R extends FetchResult<unknown>>(result: R): SuccessData<R> {
  // An error status with an empty body comes back with `error: undefined`; the status decides.
  const { response, data, error } = result;
  if (!response.ok || error !== undefined) throw createApiError(response, error);
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    const url = redactorOf(response)(response.url);
    const got =
      data === undefined
        ? "empty"
        : Array.isArray(data)
          ? "a list"
          : data === null
            ? "null"
            : `a ${typeof data}`;
    const problem = `the body is ${got}, expected a JSON object`;
    throw new UnexpectedResponseError(`${url} answered ${response.status}, but ${problem}.`, {
      status: response.status,
      url,
      problem,
    });
  }
  return data as SuccessData<R>;
}
