import type { components } from "../../src/index.js";

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
