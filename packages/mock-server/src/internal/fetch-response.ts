import type { Reply } from "./reply.js";

/**
 * A reply as the `Response` (or rejection) Node's own `fetch` would give for it over HTTP, so a
 * client under test sees the same failure in process as on a real socket: a reset rejects with
 * `TypeError("fetch failed")` caused by ECONNRESET, and a truncated body has the full
 * Content-Length but its stream errors with `TypeError("terminated")` after the sent bytes.
 */
export function toResponse(reply: Reply): Response {
  const { status, headers, body, transport } = reply;
  if (transport?.kind === "reset") {
    const cause = Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" });
    throw new TypeError("fetch failed", { cause });
  }
  if (transport?.kind === "truncate") {
    const sent = new TextEncoder().encode(body).subarray(0, transport.bytes);
    // The sent bytes can be read; the read after them fails, as on a socket closed mid-body.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(sent);
      },
      pull(controller) {
        const cause = Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" });
        controller.error(new TypeError("terminated", { cause }));
      },
    });
    return new Response(stream, { status, headers });
  }
  return new Response(body, { status, headers });
}
