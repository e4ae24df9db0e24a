import type { ListVoiceLogsResponse } from "@signalwire-voice/types";
import type { Fault } from "../fault-rule.js";
import { isAuthorized } from "./auth.js";
import type { Dataset } from "./dataset.js";
import type { FaultBook } from "./faults.js";
import { pageLinks } from "./links.js";
import { parseQuery } from "./parse-query.js";
import { errorReply, jsonReply, type Reply } from "./reply.js";
import { selectPage } from "./select-page.js";
import { validateQuery } from "./validate-query.js";

/** The one path this server answers. */
export const LOGS_PATH = "/api/voice/logs";

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
 * The server's decisions for one request, in order: fault → route → method → auth → query
 * parse (400) → validation (422) → page (200), then the faults that act on the answer.
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
  if (url.pathname !== LOGS_PATH) return errorReply(404, "Not Found");
  if (request.method !== "GET") return errorReply(405, "Method Not Allowed", { allow: "GET" });
  if (!isAuthorized(request.headers.get("authorization"), state.projectId, state.token)) {
    return errorReply(401, "Unauthorized", { "www-authenticate": 'Basic realm="SignalWire"' });
  }
  const params = parseQuery(url.search);
  if (!params) return errorReply(400, "Bad Request");
  const { dataset } = state;
  const checked = validateQuery(params, (id) => dataset.positionOf(id));
  if ("errors" in checked) return jsonReply(422, { errors: checked.errors });

  const page = selectPage(dataset, checked.query);
  const links = pageLinks(`${url.origin}${LOGS_PATH}`, checked.query, page, dataset.id);
  if (fault?.type === "foreign-next") {
    const next = new URL(links.next ?? links.self);
    links.next = `${new URL(fault.origin).origin}${next.pathname}${next.search}`;
  }
  if (fault?.type === "repeat-next") links.next = links.self;
  const body: ListVoiceLogsResponse = {
    links,
    data: page.positions.map((position) => dataset.log(position)),
  };
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
