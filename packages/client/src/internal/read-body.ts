import { ResponseTooLargeError } from "../errors/response-too-large-error.js";
import { ownError } from "./own-errors.js";
import type { Redact } from "./redact.js";

const decoder = new TextDecoder();

/**
 * Reads `answer`'s body as text, counting its bytes as they stream in (after any decompression,
 * so a small gzip body cannot expand past the limit): past `limit` it stops reading and throws
 * `ResponseTooLargeError`. `aborted` (the attempt's clock or the caller's abort) ends the read too.
 *
 * @example const [text, bytes] = await readBody(answer, 32 * 1024 * 1024, aborted, redact);
 */
export async function readBody(
  answer: Response,
  limit: number,
  aborted: Promise<never>,
  redact: Redact,
): Promise<[text: string, bytes: number]> {
  const reader = answer.body?.getReader();
  if (!reader) return ["", 0];
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), aborted]);
      if (done) break;
      // A custom fetch's body may yield anything: only bytes can be counted.
      if (!(value instanceof Uint8Array)) throw new TypeError("the body yielded something other than bytes");
      bytes += value.byteLength;
      if (bytes > limit) {
        throw ownError(
          new ResponseTooLargeError(
            `${redact(answer.url) || "The server"} answered ${answer.status} with a body over maxResponseBytes (${limit} bytes); stopped reading there.`,
            { limitBytes: limit, status: answer.status },
          ),
        );
      }
      chunks.push(value);
    }
  } catch (error) {
    // Frees the connection; a body already failing may refuse, which changes nothing.
    reader.cancel().catch(() => {});
    throw error;
  }
  // Decoded once, whole: a TextDecoder decoding chunk by chunk (`stream: true`) takes a path
  // several times slower.
  let whole = chunks[0];
  if (chunks.length > 1) {
    whole = new Uint8Array(bytes);
    let at = 0;
    for (const chunk of chunks) {
      whole.set(chunk, at);
      at += chunk.byteLength;
    }
  }
  return [whole ? decoder.decode(whole) : "", bytes];
}
