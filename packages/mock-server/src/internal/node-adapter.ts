import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import type { HandlerRequest } from "./handler.js";
import { originFromHost } from "./host-header.js";
import { PendingResponses } from "./pending-responses.js";
import { errorReply, type Reply } from "./reply.js";
import { clientErrorReply, replyAndClose } from "./socket-reply.js";
import type { ServerTimeouts } from "./timeouts.js";

export interface ServedHandler {
  /** `http://host:port`, with IPv6 hosts in brackets. */
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions extends ServerTimeouts {
  host: string;
  port: number;
  connectionsCheckingInterval: number;
}

/**
 * Serves a reply-level handler on a real port. Each request's URL takes its origin from the Host
 * header (so links point where the client connected), and each reply's `transport` is done for
 * real: `reset` destroys the socket with a TCP RST, `truncate` declares the full Content-Length,
 * writes part of the body and destroys the socket.
 *
 * Nothing a client sends can throw out of here: a request the handler cannot take gets 400, a
 * request Node's parser refuses gets 400, 408, 413 or 431 (all with the `{"error": …}` body), a
 * failing handler gets 500, and a reply Node cannot write closes the connection. Stalled
 * connections are closed after the timeouts.
 */
export async function serve(
  reply: (request: HandlerRequest) => Promise<Reply>,
  { host, port, headersTimeout, requestTimeout, keepAliveTimeout, connectionsCheckingInterval }: ServeOptions,
): Promise<ServedHandler> {
  const pending = new PendingResponses();
  const onRequest = (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const { socket } = incoming;
    respond(incoming, outgoing, reply, pending).catch(() => socket.destroy());
  };
  const server = createServer(
    // Host is checked by toRequest, which answers 400 with a JSON body where Node's would be empty.
    { headersTimeout, requestTimeout, connectionsCheckingInterval, requireHostHeader: false },
    onRequest,
  );
  server.keepAliveTimeout = keepAliveTimeout;
  // An Expect other than 100-continue: answered as if it were absent (RFC 9110 §10.1.1 allows it).
  server.on("checkExpectation", onRequest);
  server.on("connect", (_incoming: IncomingMessage, socket: Duplex) => {
    replyAndClose(socket, errorReply(405, "Method Not Allowed", { allow: "GET" }));
  });
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Duplex) => {
    try {
      pending.failAfter(socket, clientErrorReply(error));
    } catch {
      socket.destroy();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${address.port}`,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets would hold close() open until they time out.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

/** Answers one request; rejects only when Node cannot write the reply. */
async function respond(
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  reply: (request: HandlerRequest) => Promise<Reply>,
  pending: PendingResponses,
): Promise<void> {
  const { socket } = incoming;
  pending.begin(socket);
  outgoing.once("close", () => pending.end(socket));
  incoming.resume();
  let answer: Reply;
  try {
    const request = toRequest(incoming, outgoing);
    answer = request ? await reply(request) : errorReply(400, "Bad Request");
  } catch {
    // The handler gives up on a client that went away (send() then does nothing); any other
    // failure is the server's own.
    answer = errorReply(500, "Internal Server Error");
  }
  send(outgoing, answer);
}

/**
 * A `.` or `..` path segment, also as `%2e` and behind a backslash: the URL parser would resolve
 * it, so `/api/voice/logs/<id>/../<other id>` would answer for another log than the one written.
 */
const DOT_SEGMENT = /(?:^|[/\\])(?:\.|%2e){1,2}(?:[/\\]|$)/i;

/**
 * The request as the handler reads it, or undefined (→ 400) for a Host that is not
 * `host[:port]`, a target that is not a path (the absolute form, `*`), or a path with dot
 * segments. `fetch` resolves those before sending, so only a raw client sends them.
 */
function toRequest(incoming: IncomingMessage, outgoing: ServerResponse): HandlerRequest | undefined {
  const origin = originFromHost(incoming.rawHeaders);
  const target = incoming.url ?? "";
  // The URL parser drops tabs and newlines before it resolves dot segments: `.\t.` is `..`.
  const path = target.replace(/[\t\n\r]/g, "").replace(/[?#].*$/s, "");
  if (
    origin === undefined ||
    !target.startsWith("/") ||
    DOT_SEGMENT.test(path) ||
    !URL.canParse(`${origin}${target}`)
  )
    return undefined;
  const headers = new Headers();
  try {
    for (let k = 0; k < incoming.rawHeaders.length; k += 2) {
      headers.append(incoming.rawHeaders[k] as string, incoming.rawHeaders[k + 1] as string);
    }
  } catch {
    return undefined;
  }
  const aborted = new AbortController();
  outgoing.once("close", () => aborted.abort());
  return {
    method: incoming.method ?? "GET",
    url: new URL(`${origin}${target}`).href,
    headers,
    signal: aborted.signal,
  };
}

function send(outgoing: ServerResponse, { status, headers, body, transport }: Reply): void {
  if (outgoing.destroyed) return;
  if (transport?.kind === "reset") {
    outgoing.socket?.resetAndDestroy();
    return;
  }
  outgoing.writeHead(status, headers);
  if (transport?.kind === "truncate") {
    const sent = Buffer.from(body).subarray(0, transport.bytes);
    outgoing.write(sent, () => outgoing.socket?.destroy());
    return;
  }
  outgoing.end(body);
}
