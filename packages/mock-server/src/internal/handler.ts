import type { GetVoiceLogResponse, ListVoiceLogEventsResponse } from "@signalwire-voice/types";
import type { Fault } from "../fault-rule.js";
import { isAuthorized } from "./auth.js";
import type { Dataset } from "./dataset.js";
import type { FaultBook } from "./faults.js";
import { findLog } from "./find-log.js";
import { listLogs } from "./list-logs.js";
import { errorReply, jsonReply, type Reply } from "./reply.js";
import { matchRoute } from "./routes.js";

const STATUS_TEXT: Record<number, string> = {
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
};

/**
 * What the handler reads of a request. A fetch `Request` is one; the node adapter builds one
 * without `new Request`, which throws on methods fetch forbids (TRACE, CONNECT) that a socket
 * can still carry.
 */
export interface HandlerRequest {
  readonly method: string;
  /** Absolute: the links take their origin from it. */
  readonly url: string;
  readonly headers: Headers;
  /** Aborts when the client goes away, which ends a `delay` fault early. */
  readonly signal: AbortSignal;
}

export interface HandlerState {
  dataset: Dataset;
  faults: FaultBook;
  projectId: string;
  token: string;
}

/**
 * The server's decisions for one request, in order: fault → route (404) → method (405) → auth
 * (401) → the operation: for `GET /logs` query parse (400) → validation (422) → page (200); for
 * `GET /logs/{id}` and its `/events` the id (400, 422) → lookup (404) → the log or its events
 * (200). Then the faults that act on the answer.
 */
export async function handle(state: HandlerState, request: HandlerRequest): Promise<Reply> {
  const url = new URL(request.url);
  const fault = state.faults.select(url.pathname);
  switch (fault?.type) {
    case "reset":
      return { status: 0, headers: {}, body: "", transport: { kind: "reset" } };
    case "rate-limit":
      return errorReply(429, "Too Many Requests", { "retry-after": String(fault.retryAfter ?? 1) });
    case "server-error": {
      const headers: Record<string, string> =
        fault.retryAfter === undefined ? {} : { "retry-after": String(fault.retryAfter) };
      return errorReply(fault.status, STATUS_TEXT[fault.status] ?? "Error", headers);
    }
    case "delay":
      await sleep(fault.ms, request.signal);
  }
  const reply = answer(state, request, url, fault);
  if (fault?.type === "truncate") {
    // Never the whole body: a "truncated" body that arrives complete would test nothing.
    const length = Buffer.byteLength(reply.body);
    const bytes = Math.min(fault.bytes ?? Math.floor(length / 2), length - 1);
    return { ...reply, transport: { kind: "truncate", bytes } };
  }
  if (fault?.type === "invalid-json") {
    const body = reply.body.slice(0, Math.floor(reply.body.length / 2));
    return {
      ...reply,
      headers: { ...reply.headers, "content-length": String(Buffer.byteLength(body)) },
      body,
    };
  }
  return reply;
}

function answer(state: HandlerState, request: HandlerRequest, url: URL, fault: Fault | undefined): Reply {
  const route = matchRoute(url.pathname);
  if (!route) return errorReply(404, "Not Found");
  if (request.method !== "GET") return errorReply(405, "Method Not Allowed", { allow: "GET" });
  if (!isAuthorized(request.headers.get("authorization"), state.projectId, state.token)) {
    return errorReply(401, "Unauthorized", { "www-authenticate": 'Basic realm="SignalWire"' });
  }
  const { dataset } = state;
  if (route.operation === "list_voice_logs") return listLogs(dataset, url, fault);
  // The by-id operations take no query parameters: any query is ignored, as SignalWire does.
  const found = findLog(dataset, route.rawId);
  if (!("position" in found)) return found;
  const body: GetVoiceLogResponse | ListVoiceLogEventsResponse =
    route.operation === "get_voice_log"
      ? dataset.log(found.position)
      : { data: dataset.events(found.position) };
  return jsonReply(200, body);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
