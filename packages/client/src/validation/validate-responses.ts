import {
  checkResponse,
  describesResponse,
  operationIdOf,
  type Violation,
} from "@signalwire-voice/types/validators";
import { createApiError } from "../errors/create-api-error.js";
import { redactorOf } from "../redactor-of.js";
import { ResponseValidationError } from "./response-validation-error.js";

/**
 * `"throw"`: an answer that breaks the spec fails the call with `ResponseValidationError`;
 * `"warn"`: each distinct violation is reported once (`onWarning`) and the call goes on;
 * `"off"`: nothing is checked (for a mode read from configuration).
 *
 * @example
 * ```ts
 * const mode: ValidationMode = process.env.NODE_ENV === "production" ? "warn" : "throw";
 * ```
 */
export type ValidationMode = "off" | "warn" | "throw";

/**
 * Options of `validateResponses()`.
 *
 * @example
 * ```ts
 * const options: ValidationOptions = { onWarning: (error) => logger.warn(error.message) };
 * ```
 */
export interface ValidationOptions {
  /** Where `"warn"` reports a violation it has not reported before. Default: `console.warn`. */
  onWarning?: ((error: ResponseValidationError) => void) | undefined;
}

/**
 * The middleware `validateResponses()` makes, for `client.use()`. It reads each answer the spec
 * describes a JSON body for (by operation and status), as the client parsed it.
 *
 * @example
 * ```ts
 * const validation: ResponseValidation = validateResponses("warn");
 * client.use(validation);
 * ```
 */
export interface ResponseValidation {
  onResponse(options: { request: Request; response: Response; schemaPath: string }): Promise<undefined>;
}

// Distinct violations "warn" remembers, so that a server sending new ones forever cannot grow it.
const MAX_REMEMBERED = 1000;

/**
 * Middleware that checks every answer against the spec (`client.use(validateResponses("throw"))`):
 * successes and error bodies alike, for each status the spec describes. An empty 2xx is a
 * violation; an error status with a body that is not JSON (a proxy's HTML page) is left to the
 * client's own `ApiError`. With `withDates()`, the strings are checked before they become
 * `Date`s. The error names the operation, the JSON pointer, what the spec expected, what was
 * there and the log's id; texts from the answer pass the client's redaction.
 *
 * @example
 * ```ts
 * const client = createVoiceClient();
 * client.use(validateResponses("warn", { onWarning: (error) => logger.warn(error.message) }));
 * ```
 */
export function validateResponses(mode: ValidationMode, options: ValidationOptions = {}): ResponseValidation {
  if (!["off", "warn", "throw"].includes(mode))
    throw new TypeError(
      `validateResponses: mode must be "off", "warn" or "throw", got ${JSON.stringify(mode)}.`,
    );
  const { onWarning = (error: ResponseValidationError) => console.warn(error.message) } = options;
  const reported = new Set<string>();
  return {
    async onResponse({ request, response, schemaPath }) {
      if (mode === "off") return undefined;
      const operation = `${request.method} ${schemaPath}`;
      if (!describesResponse(operation, response.status)) return undefined;
      // A check that fails in itself fails the call in "throw"; "warn" never fails a call.
      let violation: Violation | undefined;
      let body: unknown;
      try {
        body = await jsonOf(response);
        violation =
          body !== NOT_JSON
            ? checkResponse(operation, response.status, body)
            : response.ok
              ? {
                  pointer: "",
                  expected: "must be a JSON body",
                  keyword: "type",
                  received: undefined,
                  logId: undefined,
                }
              : undefined;
      } catch (error) {
        if (mode === "throw") throw error;
        return undefined;
      }
      if (violation === undefined) return undefined;
      if (mode === "throw") throw validationError(operation, response, violation, body);
      const key = `${operation} ${response.status} ${violation.pointer.replace(/\/\d+(?=\/|$)/g, "/*")} ${violation.keyword}`;
      // Remembered up to a bound; past it, new violations go unreported rather than grow memory.
      if (reported.has(key) || reported.size >= MAX_REMEMBERED) return undefined;
      reported.add(key);
      try {
        onWarning(validationError(operation, response, violation, body));
      } catch {
        // A failing onWarning is the caller's to fix; it does not fail the call.
      }
      return undefined;
    },
  };
}

const NOT_JSON = Symbol("not JSON");

/**
 * The answer's body as parsed JSON (the client's own parse, for its answers: JSON whatever the
 * Content-Type says), or NOT_JSON for an empty body or one that does not parse.
 */
async function jsonOf(response: Response): Promise<unknown> {
  try {
    return await response.clone().json();
  } catch {
    return NOT_JSON;
  }
}

function validationError(
  operation: string,
  response: Response,
  violation: Violation,
  body: unknown,
): ResponseValidationError {
  const redact = redactorOf(response);
  const url = redact(response.url);
  // Redaction may lengthen a text ("[redacted]"): cut again.
  const received = violation.received === undefined ? undefined : redact(violation.received).slice(0, 60);
  const logId = violation.logId === undefined ? undefined : redact(violation.logId).slice(0, 64);
  const operationId = operationIdOf(operation) ?? operation;
  const at = violation.pointer || "(the body)";
  const message =
    `${operation} (${operationId}) answered ${response.status} with a body the spec does not allow: at ${at}, ${violation.expected}` +
    `${received === undefined ? "" : ` (got ${received})`}${logId === undefined ? "" : `, log ${logId}`}. URL: ${url}`;
  // An error status keeps its ApiError (status, typed body, request id) as the cause.
  const cause = response.ok
    ? undefined
    : createApiError(response, (body === NOT_JSON ? undefined : body) as never);
  return new ResponseValidationError(
    message,
    {
      operation,
      operationId,
      status: response.status,
      url,
      pointer: violation.pointer,
      keyword: violation.keyword,
      expected: violation.expected,
      received,
      logId,
    },
    cause && { cause },
  );
}
