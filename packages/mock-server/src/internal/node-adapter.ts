import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { errorReply, type Reply } from "./reply.js";

export interface ServedHandler {
  /** `http://host:port`, with IPv6 hosts in brackets. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a reply-level handler on a real port. Each request becomes a `Request` whose URL takes
 * its origin from the Host header (so links point where the client connected), and each reply's
 * `transport` is done for real: `reset` destroys the socket with a TCP RST, `truncate` declares
 * the full Content-Length, writes part of the body and destroys the socket.
 */
export async function serve(
  reply: (request: Request) => Promise<Reply>,
  { host, port }: { host: string; port: number },
): Promise<ServedHandler> {
  const server = createServer((incoming, outgoing) => {
    incoming.resume();
    const request = toRequest(incoming, outgoing);
    const pending = request ? reply(request) : Promise.resolve(errorReply(400, "Bad Request"));
    pending.then(
      (answer) => send(outgoing, answer),
      () => outgoing.socket?.destroy(),
    );
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

function toRequest(incoming: IncomingMessage, outgoing: ServerResponse): Request | undefined {
  const host = incoming.headers.host;
  const path = incoming.url ?? "/";
  if (!host || !path.startsWith("/") || !URL.canParse(`http://${host}${path}`)) return undefined;
  const headers = new Headers();
  for (let k = 0; k < incoming.rawHeaders.length; k += 2) {
    headers.append(incoming.rawHeaders[k] as string, incoming.rawHeaders[k + 1] as string);
  }
  const aborted = new AbortController();
  outgoing.once("close", () => aborted.abort());
  return new Request(`http://${host}${path}`, {
    method: incoming.method ?? "GET",
    headers,
    signal: aborted.signal,
  });
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
