import { createVoiceClient, type VoiceClientOptions } from "../../src/index.js";

export const PROJECT_ID = "test-project";
export const TOKEN = "test-token";
/** base64("test-project:test-token"), the credentials that must never leak. */
export const CREDENTIALS = btoa(`${PROJECT_ID}:${TOKEN}`);

/**
 * A client for tests: the mock server's credentials, no environment, retries without waiting
 * (backoff of 0 ms, fixed jitter), unless `options` says otherwise.
 */
export function testClient(options: VoiceClientOptions = {}) {
  return createVoiceClient({
    baseUrl: "http://api.test/api/voice",
    projectId: PROJECT_ID,
    token: TOKEN,
    env: {},
    backoff: { initialDelayMs: 0, random: () => 0.5 },
    ...options,
  });
}
