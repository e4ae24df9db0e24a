import { describe, expect, it } from "vitest";
import { matchRoute, type Route } from "../../src/internal/routes.js";

const ID = "b7182dc2-00f3-40e4-a5ce-20f164b329df";

describe("matchRoute", () => {
  it.each<[string, Route | undefined]>([
    ["/api/voice/logs", { operation: "list_voice_logs" }],
    [`/api/voice/logs/${ID}`, { operation: "get_voice_log", rawId: ID }],
    [`/api/voice/logs/${ID}/events`, { operation: "list_voice_log_events", rawId: ID }],
    // The segment as sent: decoding and checking it is the operation's job (400, 422, 404).
    ["/api/voice/logs/abc", { operation: "get_voice_log", rawId: "abc" }],
    [`/api/voice/logs/${ID}%2Fevents`, { operation: "get_voice_log", rawId: `${ID}%2Fevents` }],
    ["/api/voice/logs/events", { operation: "get_voice_log", rawId: "events" }],
    ["/api/voice/logs/events/events", { operation: "list_voice_log_events", rawId: "events" }],
    ["/api/voice/logs/", undefined],
    [`/api/voice/logs/${ID}/`, undefined],
    [`/api/voice/logs/${ID}/events/`, undefined],
    [`/api/voice/logs/${ID}/events/x`, undefined],
    [`/api/voice/logs/${ID}/calls`, undefined],
    ["/api/voice/logs//events", undefined],
    [`/api/voice/logs${ID}`, undefined],
    [`/API/VOICE/LOGS/${ID}`, undefined],
    ["/api/voice", undefined],
    ["/", undefined],
  ])("%s → %j", (pathname, want) => {
    expect(matchRoute(pathname)).toEqual(want);
  });
});
