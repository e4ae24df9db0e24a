import { REDACTOR } from "../redactor-of.js";
import { type Redact, redactJson } from "./redact.js";

const encoder = new TextEncoder();

/** What a {@link BufferedResponse} holds: the body as read, parsed, and the URL that answered. */
interface Held {
  text: string;
  json: unknown;
  url: string;
  /** The client's redaction, for `redactorOf` (`createApiError`, pagination). */
  redact: Redact;
  stream?: ReadableStream<Uint8Array> | null;
}

const HELD = Symbol("held");

/**
 * A Response whose body was read already, and can be read again: `text()` and `json()` hand over
 * what was read (openapi-fetch parses no success twice), and `body`, `clone()`, `arrayBuffer()`,
 * `bytes()`, `blob()` and `formData()` work as on any Response, in middleware and after the
 * call. Built with no body (a `Response` made with a stream costs several µs a request), its body
 * is made from the text only when something asks for it.
 */
class BufferedResponse extends Response {
  readonly [HELD]: Held;

  constructor(answer: Response, held: Held) {
    super(null, answer);
    this[HELD] = held;
  }
}

const held = (response: unknown): Held => (response as BufferedResponse)[HELD];
const method = (value: (this: BufferedResponse) => unknown) => ({
  value,
  writable: true,
  configurable: true,
});

// On the prototype, once: the DOM types declare these as properties, which a subclass may not
// override with methods or accessors in TypeScript.
Object.defineProperties(BufferedResponse.prototype, {
  text: method(async function () {
    return held(this).text;
  }),
  json: method(async function () {
    const { json, text } = held(this);
    return json ?? JSON.parse(text);
  }),
  arrayBuffer: method(async function () {
    return encoder.encode(held(this).text).buffer;
  }),
  bytes: method(async function () {
    return encoder.encode(held(this).text);
  }),
  blob: method(async function () {
    return new Blob([held(this).text], { type: this.headers.get("content-type") ?? "" });
  }),
  formData: method(function () {
    return new Response(held(this).text, this).formData();
  }),
  clone: method(function () {
    const { text, json, url, redact } = held(this);
    return new BufferedResponse(this, { text, json, url, redact });
  }),
  [REDACTOR]: {
    get(this: BufferedResponse) {
      return held(this).redact;
    },
  },
  body: {
    get(this: BufferedResponse) {
      const state = held(this);
      if (state.stream === undefined) {
        const { text } = state;
        state.stream = text
          ? new ReadableStream<Uint8Array>({
              pull(controller) {
                controller.enqueue(encoder.encode(text));
                controller.close();
              },
            })
          : null;
      }
      return state.stream;
    },
  },
  bodyUsed: { get: () => false },
  // A constructed Response has no URL: the answer's, for error messages and link checks.
  url: {
    get(this: BufferedResponse) {
      return held(this).url;
    },
  },
});

/**
 * The Response the client hands back for an answer whose body it has read: a
 * {@link BufferedResponse}. An error answer's body is redacted. These statuses carry no body,
 * whatever a server sent: 204, 205, 304. `bytes` is the body's size as read: it becomes the
 * Content-Length of a success that had none (a chunked one), which tells openapi-fetch to call
 * `json()` rather than parse `text()` again.
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
  const empty = [204, 205, 304].includes(answer.status);
  const kept = empty ? "" : answer.ok ? text : redactBody(text, redact);
  const response = new BufferedResponse(answer, {
    text: kept,
    json: empty ? undefined : json,
    url: answer.url,
    redact,
  });
  if (answer.ok && kept && !answer.headers.has("content-length")) {
    response.headers.set("content-length", `${bytes}`);
  }
  return response;
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
