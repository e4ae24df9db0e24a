/**
 * `@signalwire-voice/client/validation`: every answer checked against the spec, by validation
 * code generated from it at build time (Ajv's standalone code: nothing compiled at run time, no
 * `eval`, fit for a strict Content-Security-Policy). An entry point of its own, so clients that
 * don't validate carry none of it.
 *
 * @example
 * ```ts
 * import { createVoiceClient } from "@signalwire-voice/client";
 * import { validateResponses } from "@signalwire-voice/client/validation";
 *
 * const client = createVoiceClient();
 * client.use(validateResponses("throw")); // or "warn", or "off"
 * ```
 * @module
 */
export { checkResponse, type Violation } from "@signalwire-voice/types/validators";
export { ResponseValidationError } from "./response-validation-error.js";
export {
  type ResponseValidation,
  type ValidationMode,
  type ValidationOptions,
  validateResponses,
} from "./validate-responses.js";
