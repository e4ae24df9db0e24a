/**
 * What the handler decides, before it becomes a `Response` (in process) or bytes on a socket
 * (node-adapter.ts). `transport` is how the connection misbehaves, which a `Response` alone
 * cannot say: the socket closes before any answer, or after `bytes` of the body.
 */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
  transport?: { kind: "reset" } | { kind: "truncate"; bytes: number };
}

/** A JSON reply with its Content-Length, as SignalWire sends it. */
export function jsonReply(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  const text = JSON.stringify(body);
  return {
    status,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-length": String(Buffer.byteLength(text)),
      ...headers,
    },
    body: text,
  };
}

/** The `{ "error": "…" }` bodies of the statuses that carry no details. */
export const errorReply = (status: number, error: string, headers: Record<string, string> = {}) =>
  jsonReply(status, { error }, headers);
