// @ts-check
// The upstream spec changes release:e2e plays, in order, with the bump each must produce.
import { addQueryParameter, removeEnumValue } from "./spec-edits.mjs";

/** @typedef {{ level: "minor" | "major"; title: string; edit: (spec: string) => string }} Round */

/** @type {readonly Round[]} */
export const ROUNDS = [
  {
    level: "minor",
    title: "a new optional query parameter (GET /logs `direction`)",
    edit: (spec) =>
      addQueryParameter(spec, {
        path: "/logs",
        method: "get",
        name: "direction",
        description: "Only logs in this direction.",
        schemaRef: "#/components/schemas/VoiceDirection",
      }),
  },
  {
    level: "major",
    title: 'a value removed from a response enum (VoiceLogStatus "joined")',
    edit: (spec) => removeEnumValue(spec, "VoiceLogStatus", "joined"),
  },
];
