// Generated file. Do not edit: it is overwritten and CI fails on drift.
// Made by `pnpm generate` (signalwire-pipeline generate --api voice) from the
// pipeline's apis.json → "voice" bundle: where each response holds `format: date-time` strings.

/** Per operation and status: `1` a date (`2` a date or `null`), `[plan]` each item, `{ key: plan }` those properties. */
export const DATES = {
  "GET /logs": {
    "200": {
      "data": [
        {
          "created_at": 1,
          "discarded_at": 1
        }
      ]
    }
  },
  "GET /logs/{id}": {
    "200": {
      "created_at": 1,
      "discarded_at": 1
    }
  },
  "GET /logs/{id}/events": {
    "200": {
      "data": [
        {
          "event_at": 1
        }
      ]
    }
  }
} as const;
