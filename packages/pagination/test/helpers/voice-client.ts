import { createVoiceClient, type VoiceClientOptions } from "@signalwire-voice/client";
import type { RunningMockServer } from "@signalwire-voice/mock-server";

export const PROJECT_ID = "test-project";
export const TOKEN = "test-token";
/** base64("test-project:test-token"): what must never reach another server. */
export const CREDENTIALS = btoa(`${PROJECT_ID}:${TOKEN}`);

/** A voice client of the mock server: its credentials, no environment, retries without waiting. */
export function voiceClient(server: { baseUrl: string }, options: VoiceClientOptions = {}) {
  return createVoiceClient({
    baseUrl: server.baseUrl,
    projectId: PROJECT_ID,
    token: TOKEN,
    env: {},
    backoff: { initialDelayMs: 0, maxDelayMs: 0, random: () => 0 },
    ...options,
  });
}

/** The query of each request the mock server received, as a plain object. */
export function queries(server: RunningMockServer): Record<string, string>[] {
  return server.requests.map((request) => Object.fromEntries(new URL(request.url).searchParams));
}
