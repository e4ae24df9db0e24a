import type { ValidationErrorItem } from "@signalwire-voice/types";

/** The codes SignalWire answers a bad List Logs query with. */
export type ValidationCode =
  | "invalid_parameter"
  | "not_a_boolean"
  | "not_a_datetime"
  | "page_token_required"
  | "page_token_is_invalid";

/** One entry of a 422 body, in SignalWire's shape. */
export function validationError(
  code: ValidationCode,
  attribute: string,
  message: string,
): ValidationErrorItem {
  return {
    type: "validation_error",
    code,
    message,
    attribute,
    url: `https://developer.signalwire.com/rest/overview/error-codes#${code}`,
  };
}
