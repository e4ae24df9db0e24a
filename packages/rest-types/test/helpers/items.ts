import type { components, paths } from "../../src/index.js";

type Schemas = components["schemas"];

/** A uuid per index, so a test can tell every item apart and see the order. */
const uuid = (prefix: string, index: number) => `${prefix}-0000-4000-8000-${String(index).padStart(12, "0")}`;
/** Newest first, one minute apart, as SignalWire lists logs. */
const createdAt = (index: number) => new Date(Date.UTC(2026, 7, 21, 12) - index * 60_000).toISOString();

/** A fax log of `GET /api/fax/logs`, typed by the generated schema. */
export const faxLog = (index: number): Schemas["Fax.FaxLog"] => ({
  id: uuid("fa000000", index),
  from: "+15551230000",
  to: "+15559870000",
  status: index % 4 ? "completed" : "failed",
  direction: "outbound-api",
  source: "laml",
  type: "laml_call",
  url: `https://example.signalwire.com/api/laml/faxes/${index}`,
  remote_station: null,
  charge: 0.01 * (index % 3),
  number_of_pages: 1 + (index % 5),
  quality: "fine",
  charge_details: [{ description: "Fax page", charge: 0.01 }],
  created_at: createdAt(index),
  error_code: null,
  error_message: null,
});

/** A message log of `GET /api/messaging/logs`. */
export const messageLog = (index: number): Schemas["Message.MessageLog"] => ({
  id: uuid("ae000000", index),
  from: "+15551230000",
  to: "+15559870000",
  status: "delivered",
  direction: index % 2 ? "inbound" : "outbound-api",
  kind: index % 3 ? "sms" : "mms",
  source: "realtime_api",
  type: "relay_message",
  url: null,
  number_of_segments: 1,
  charge: 0.0079,
  charge_details: [{ description: "SMS segment", charge: 0.0079 }],
  created_at: createdAt(index),
  error_message: null,
  error_code: null,
});

/** A project of `GET /api/projects`. */
export const project = (index: number): Schemas["Projects.Project"] => ({
  id: uuid("be000000", index),
  name: index % 2 ? `staging-${index}` : `production-${index}`,
  parent_project_id: null,
  subproject: false,
  region_preference: "us",
  protect_recordings: false,
  protect_message_media: false,
  protect_fax_media: false,
  force_https_requests: true,
  created_at: createdAt(index),
  updated_at: createdAt(index),
});

/** A number group of `GET /api/relay/rest/number_groups`. */
export const numberGroup = (index: number): Schemas["NumberGroup"] => ({
  id: uuid("ce000000", index),
  name: index % 3 ? `support-${index}` : `sales-${index}`,
  sticky_sender: index % 2 === 0,
  phone_number_count: index,
});

// Items of lists under a path parameter: each names the parent it was listed under, so a test
// sees which id the server was asked for.
type ItemOf<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { "application/json": { data: (infer T)[] } } } } };
}
  ? T
  : never;

/** An address of `GET /api/fabric/resources/{id}/addresses`: one of resource `id`'s. */
export const fabricAddress = (id: string, index: number): ItemOf<"/api/fabric/resources/{id}/addresses"> => ({
  id: uuid("de000000", index),
  name: `${id}-address-${index}`,
  display_name: `Address ${index} of ${id}`,
  cover_url: "https://example.signalwire.com/cover.png",
  preview_url: "https://example.signalwire.com/preview.png",
  locked: index % 2 === 0,
  channels: index % 3 ? { audio: `/public/${id}?channel=audio` } : { video: `/public/${id}?channel=video` },
  created_at: createdAt(index),
  type: "subscriber",
});

/** A member of `GET /api/video/room_sessions/{id}/members`: of session `id`. */
export const roomSessionMember = (
  id: string,
  index: number,
): ItemOf<"/api/video/room_sessions/{id}/members"> => ({
  id: uuid("ee000000", index),
  room_session_id: id,
  name: index % 4 ? `member-${index}` : null,
  join_time: createdAt(index),
  leave_time: index % 2 ? createdAt(index - 1) : null,
  duration: index % 2 ? 60 : null,
  cost_in_dollars: 0.004 * index,
});

/** A membership of `GET /api/relay/rest/number_groups/{NumberGroupId}/number_group_memberships`. */
export const numberGroupMembership = (
  id: string,
  index: number,
): ItemOf<"/api/relay/rest/number_groups/{NumberGroupId}/number_group_memberships"> => ({
  id: uuid("fe000000", index),
  number_group_id: id,
  phone_number: { id: uuid("fd000000", index), number: `+1555000${String(index).padStart(4, "0")}` },
  created_at: createdAt(index),
  updated_at: createdAt(index),
});

/** A chunk of `GET /api/datasphere/documents/{documentId}/chunks`: of document `id`. */
export const datasphereChunk = (
  id: string,
  index: number,
): ItemOf<"/api/datasphere/documents/{documentId}/chunks"> => ({
  id: uuid("af000000", index),
  datasphere_document_id: id,
  project_id: uuid("be000000", 0),
  status: "completed",
  tags: index % 2 ? ["faq"] : [],
  content: `chunk ${index} of ${id}`,
  created_at: createdAt(index),
  updated_at: createdAt(index),
});
