import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import { errorReply, type Reply } from "./reply.js";

/**
 * The answer to a request Node gave up on before the handler saw it (a `clientError`). The
 * statuses are Node's own choices; the bodies are the server's `{"error": …}` shape.
 *
 * @example
 * ```ts
 * clientErrorReply({ code: "HPE_HEADER_OVERFLOW" }).status; // 431
 * ```
 */
export function clientErrorReply(error: { code?: string | undefined }): Reply {
  switch (error.code) {
    // Request line and headers together beyond maxHeaderSize (16 KiB).
    case "HPE_HEADER_OVERFLOW":
      return errorReply(431, "Request Header Fields Too Large");
    // Chunk extensions beyond Node's limit.
    case "HPE_CHUNK_EXTENSIONS_OVERFLOW":
      return errorReply(413, "Payload Too Large");
    // headersTimeout or requestTimeout passed.
    case "ERR_HTTP_REQUEST_TIMEOUT":
      return errorReply(408, "Request Timeout");
    // Anything the parser refused: method, target, version, header syntax, framing.
    default:
      return errorReply(400, "Bad Request");
  }
}

/**
 * Writes a reply straight onto a socket that has no `ServerResponse` (a `clientError`, a
 * CONNECT), then closes it. Never throws: a socket that cannot take the reply is destroyed.
 *
 * @example
 * ```ts
 * server.on("clientError", (error, socket) => replyAndClose(socket, clientErrorReply(error)));
 * ```
 */
export function replyAndClose(socket: Duplex, { status, headers, body }: Reply): void {
  try {
    // A peer that has gone away is not the server's error; without a listener it would crash it.
    socket.on("error", () => socket.destroy());
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const head = Object.entries({ ...headers, connection: "close" }).map(
      ([name, value]) => `${name}: ${value}\r\n`,
    );
    const text = `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ""}\r\n${head.join("")}\r\n${body}`;
    socket.end(text, () => socket.destroy());
  } catch {
    socket.destroy();
  }
}
