/**
 * `@signalwire-voice/types/validators`: a check of every response body against the spec, by
 * validation code generated from it at build time (Ajv's standalone code: nothing compiled at
 * run time, no `eval`). What `validateResponses()` of `@signalwire-voice/client/validation` runs,
 * and what the mock server's tests run; for your own contract tests too. Unlike the package's
 * main entry, this one is JavaScript (about 10 kB min+gzip).
 *
 * @example
 * ```ts
 * import { checkResponse } from "@signalwire-voice/types/validators";
 *
 * const violation = checkResponse("GET /logs", 200, await response.json());
 * if (violation) throw new Error(`${violation.pointer} ${violation.expected}`);
 * ```
 * @module
 */
export { checkResponse, describesResponse, operationIdOf, type Violation } from "./check-response.js";
