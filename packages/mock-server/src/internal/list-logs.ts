import type { ListVoiceLogsResponse } from "@signalwire-voice/types";
import type { Fault } from "../fault-rule.js";
import type { Dataset } from "./dataset.js";
import { pageLinks } from "./links.js";
import { parseQuery } from "./parse-query.js";
import { errorReply, jsonReply, type Reply } from "./reply.js";
import { LOGS_PATH } from "./routes.js";
import { selectPage } from "./select-page.js";
import { validateQuery } from "./validate-query.js";

/**
 * `GET /logs` (list_voice_logs) once the request is routed and authorized: query parse (400) →
 * validation (422) → page (200). `foreign-next` and `repeat-next` faults bend the page's links.
 *
 * @example
 * ```ts
 * listLogs(dataset, new URL("http://mock.test/api/voice/logs?page_size=2"), undefined).status; // 200
 * ```
 */
export function listLogs(dataset: Dataset, url: URL, fault: Fault | undefined): Reply {
  const params = parseQuery(url.search);
  if (!params) return errorReply(400, "Bad Request");
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
