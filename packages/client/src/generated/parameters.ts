// Generated file. Do not edit: it is overwritten and CI fails on drift.
// Made by `pnpm generate` (signalwire-pipeline generate-client --api voice) from the
// pipeline's apis.json → "voice" bundle: each query and path parameter as its schema constrains it.

/** What the spec says of each request parameter's value, by location and name. */
export const PARAMETERS = {
  "query": {
    "include_deleted": {
      "type": "boolean"
    },
    "created_before": {
      "type": "string"
    },
    "created_on": {
      "type": "string"
    },
    "created_after": {
      "type": "string"
    },
    "page_number": {
      "type": "integer",
      "minimum": 0,
      "format": "int32"
    },
    "page_size": {
      "type": "integer",
      "minimum": 1,
      "maximum": 1000,
      "format": "int32"
    },
    "page_token": {
      "type": "string"
    }
  },
  "path": {
    "id": {
      "type": "string",
      "format": "uuid"
    }
  }
} as const;
