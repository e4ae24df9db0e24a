import { redactorOf } from "../redactor-of.js";
import { ApiError, type ApiErrorBody } from "./api-error.js";

/**
 * Turns an error answer into an `ApiError`: the one place that decides its status, body, request
 * id and message. Used by `unwrap()` and by `@signalwire-voice/pagination`; `cause` is for
 * callers that wrap another error.
 *
 * @example
 * ```ts
 * const { data, error, response } = await client.GET("/logs");
 * if (error !== undefined) throw createApiError(response, error);
 * ```
 */
export function createApiError<S extends number = number>(
  response: Response,
  body?: ApiErrorBody<S>,
  cause?: unknown,
): ApiError<S> {
  // Every text from the answer passes the client's redaction: a server may echo credentials
  // anywhere, a request id header included.
  const redact = redactorOf(response);
  const { status } = response;
  const url = redact(response.url);
  const header = response.headers.get("x-request-id");
  const requestId = header === null ? undefined : redact(header.slice(0, 200));
  // What arrived: the body as sent (a 422 lists each parameter and what is wrong with it).
  const arrived = redact(`${typeof body === "string" ? body : JSON.stringify(body)}`.slice(0, 300));
  // What to do about it, where the status says.
  const hint = status === 401 ? " Check projectId, token and the token's Voice scope." : "";
  const message = `${url} answered ${status}: ${arrived}.${requestId ? ` Request id ${requestId}.` : ""}${hint}`;
  return new ApiError(message, { status, body, requestId, url }, cause === undefined ? undefined : { cause });
}
