import type {
  BadRequestBody,
  InternalServerErrorBody,
  NotFoundBody,
  UnauthorizedBody,
  ValidationErrorBody,
} from "@signalwire-voice/types";
import { VoiceError } from "./voice-error.js";

/**
 * The error bodies the spec documents, by status (404 only for a log's paths: an unknown id).
 *
 * @example
 * ```ts
 * const invalid: ApiErrorBodies[422] = { errors: [] };
 * ```
 */
export interface ApiErrorBodies {
  400: BadRequestBody;
  401: UnauthorizedBody;
  404: NotFoundBody;
  422: ValidationErrorBody;
  500: InternalServerErrorBody;
}

/**
 * The body of an `ApiError` with status `S`: the spec's type where it has one, else `unknown`.
 *
 * @example
 * ```ts
 * type Unauthorized = ApiErrorBody<401>; // { error: "Unauthorized" }
 * type RateLimited = ApiErrorBody<429>; // unknown: not in the spec
 * ```
 */
export type ApiErrorBody<S extends number> = S extends keyof ApiErrorBodies ? ApiErrorBodies[S] : unknown;

/**
 * The API answered with an error status (after any retries). Made by `createApiError()`; thrown
 * by `unwrap()` and by `@signalwire-voice/pagination`. Narrow the body with `is(status)`.
 *
 * @example
 * ```ts
 * try {
 *   unwrap(await client.GET("/logs", { params: { query } }));
 * } catch (error) {
 *   if (error instanceof ApiError && error.is(422)) {
 *     for (const item of error.body.errors) console.error(item.attribute, item.message);
 *   }
 *   if (error instanceof ApiError) console.error(error.status, error.requestId);
 * }
 * ```
 */
export class ApiError<S extends number = number> extends VoiceError {
  protected static override readonly brand = "ApiError";
  /** The HTTP status of the answer. */
  declare readonly status: S;
  /** The parsed body (the raw text when it is not JSON), with any credential redacted. */
  declare readonly body: ApiErrorBody<S>;
  /** The server's request id (`x-request-id`), to quote to SignalWire support; absent if not sent. */
  declare readonly requestId: string | undefined;
  /** The URL that answered (without credentials: they are never part of it). */
  declare readonly url: string;

  /** Whether this is the answer with `status`; narrows `body` to that status's type. */
  is<T extends number>(status: T): this is ApiError<T> {
    return (this.status as number) === status;
  }
}
