import { connect } from "node:net";

/** One final (non-1xx) HTTP/1.x response as read off a socket. */
export interface RawResponse {
  status: number;
  /** Lower-case names; a repeated header keeps its last value. */
  headers: Record<string, string>;
  body: string;
  /** The whole body its Content-Length declares arrived (or, without one, the socket closed). */
  complete: boolean;
}

export interface RawExchange {
  /** The final responses that arrived, in order; 100 Continue and other interim ones are skipped. */
  responses: RawResponse[];
  /** Everything the server sent, one character per byte. */
  text: string;
  /**
   * How it ended: `closed` by the server (or reset), `answered` (we closed after the first
   * complete response), or `timed-out` (we gave up and destroyed the socket).
   */
  ending: "closed" | "answered" | "timed-out";
}

export interface RawExchangeOptions {
  /** Half-close after sending, so the server sees the end of an unfinished request at once. */
  halfClose?: boolean;
  /** Close as soon as one complete final response arrived, instead of waiting for the server. */
  untilAnswered?: boolean;
  /** The request was a HEAD: responses carry no body whatever their Content-Length says. */
  head?: boolean;
  /** Destroys the socket when the exchange has not ended after this long (default 20 s). */
  timeoutMs?: number;
}

/**
 * Sends raw bytes to `origin` (`http://127.0.0.1:PORT`) over a fresh socket and reads what comes
 * back: the way to send what `fetch` refuses to, such as a Host with userinfo or a TRACE.
 *
 * @example
 * ```ts
 * const { responses } = await rawExchange(server.url, "TRACE / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
 * ```
 */
export function rawExchange(
  origin: string,
  request: string | Uint8Array,
  { halfClose = false, untilAnswered = false, head = false, timeoutMs = 20_000 }: RawExchangeOptions = {},
): Promise<RawExchange> {
  const { hostname, port } = new URL(origin);
  const bytes = typeof request === "string" ? Buffer.from(request, "latin1") : request;
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let ending: RawExchange["ending"] = "closed";
    const socket = connect(Number(port), hostname, () => {
      socket.write(bytes);
      if (halfClose) socket.end();
    });
    const timer = setTimeout(() => {
      ending = "timed-out";
      socket.destroy();
    }, timeoutMs);
    socket.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      if (!untilAnswered) return;
      const [first] = parseResponses(Buffer.concat(chunks), { head, closed: false });
      if (first?.complete) {
        ending = "answered";
        socket.destroy();
      }
    });
    // A reset is one way for the server to close; what arrived before it still counts.
    socket.on("error", () => undefined);
    socket.on("close", () => {
      clearTimeout(timer);
      const received = Buffer.concat(chunks);
      const responses = parseResponses(received, { head, closed: true });
      resolve({ responses, text: received.toString("latin1"), ending });
    });
  });
}

/**
 * The final responses in `received`. A body is framed by chunked encoding or Content-Length;
 * without either it runs to the end of what arrived and is complete only if the socket closed.
 */
export function parseResponses(
  received: Buffer,
  { head, closed }: { head: boolean; closed: boolean },
): RawResponse[] {
  const responses: RawResponse[] = [];
  let offset = 0;
  while (offset < received.length) {
    const end = received.indexOf("\r\n\r\n", offset);
    if (end < 0) break;
    const [statusLine = "", ...lines] = received.subarray(offset, end).toString("latin1").split("\r\n");
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? Number.NaN);
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(":");
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    offset = end + 4;
    if (status >= 100 && status < 200) continue;
    if (!head && headers["transfer-encoding"] === "chunked") {
      const { body, complete, next } = dechunk(received, offset);
      responses.push({ status, headers, body, complete });
      offset = next;
      continue;
    }
    const declared = headers["content-length"];
    const length = head ? 0 : declared === undefined ? received.length - offset : Number(declared);
    const body = received.subarray(offset, offset + length);
    const complete = body.length === length && (declared !== undefined || head || closed);
    responses.push({ status, headers, body: body.toString("utf8"), complete });
    offset += body.length;
  }
  return responses;
}

/** A chunked body from `offset`: its bytes, whether the last chunk arrived, and where it ends. */
function dechunk(received: Buffer, offset: number): { body: string; complete: boolean; next: number } {
  const chunks: Buffer[] = [];
  let at = offset;
  for (;;) {
    const lineEnd = received.indexOf("\r\n", at);
    if (lineEnd < 0) break;
    const size = Number.parseInt(received.subarray(at, lineEnd).toString("latin1"), 16);
    if (!(size >= 0) || lineEnd + 2 + size + 2 > received.length) break;
    if (size === 0) {
      const trailerEnd = received.indexOf("\r\n", lineEnd + 2);
      if (trailerEnd < 0) break;
      return { body: Buffer.concat(chunks).toString("utf8"), complete: true, next: trailerEnd + 2 };
    }
    chunks.push(received.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return { body: Buffer.concat(chunks).toString("utf8"), complete: false, next: received.length };
}
