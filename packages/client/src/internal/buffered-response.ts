import { withRedactor } from "../redactor-of.js";
import { type Redact, redactJson } from "./redact.js";

const encoder = new TextEncoder();

/**
 * A Response that holds a body already read: `text()` and `json()` give what was read (openapi-fetch
 * parses no success twice), and `body`, `clone()`, `arrayBuffer()` and `blob()` work as on any
 * Response, in middleware and after the call, encoding the text only if one of them reads it. The
 * answer is its own init (status, statusText, headers). An error answer's body is redacted. `bytes` is the body's size as read: it
 * becomes the Content-Length of a success that had none (a chunked one), which tells openapi-fetch
 * to call `json()` rather than parse `text()` again.
 *
 * @example bufferedResponse(answer, text, JSON.parse(text), bytes, redact)
 */
export function bufferedResponse(
  answer: Response,
  text: string,
  json: unknown,
  bytes: number,
  redact: Redact,
): Response {
  // A server that echoes requests must not smuggle credentials into an error's body.
  if (!answer.ok) text = redactBody(text, redact);
  // These statuses carry no body, whatever a server sent with them.
  const empty = !text || [101, 204, 205, 304].includes(answer.status);
  const body = empty
    ? null
    : new ReadableStream<Uint8Array>(
        {
          pull(controller) {
            controller.enqueue(encoder.encode(text));
            controller.close();
          },
        },
        // Nothing queued ahead: `pull` runs only when someone reads.
        { highWaterMark: 0 },
      );
  const response = new Response(body, answer);
  if (answer.ok && !empty && !answer.headers.has("content-length")) {
    response.headers.set("content-length", `${bytes}`);
  }
  // For `createApiError` and pagination: the client's redaction travels with its answers.
  withRedactor(response, redact);
  return Object.defineProperties(response, {
    // A constructed Response has no URL: the answer's, for error messages and link checks.
    url: { value: answer.url },
    text: { value: async () => (empty ? "" : text) },
    json: { value: async () => json ?? JSON.parse(empty ? "" : text) },
  });
}

/**
 * An error body without credentials. JSON is redacted once parsed, string by string, so the body
 * stays JSON (a typed `ApiError.body`) and a secret escaped twice (`\\u0050…`, text that spells
 * an escape) is found once decoded; anything else is redacted as text.
 */
function redactBody(text: string, redact: Redact): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return redact(text);
  }
  const [safe, changed] = redactJson(parsed, redact);
  return changed ? JSON.stringify(safe) : text;
}
