// A CommonJS consumer (node16 resolution: the "require" condition, dist/index.d.cts).
import {
  ApiError,
  createVoiceClient,
  isDiscardedLog,
  unwrap,
  type VoiceClient,
  type VoiceLog,
} from "@signalwire-voice/client";

export async function latest(): Promise<string[]> {
  const client: VoiceClient = createVoiceClient({ space: "example" });
  try {
    const page = unwrap(
      await client.GET("/logs", { params: { query: { page_size: 10, created_after: new Date() } } }),
    );
    return page.data.map((log: VoiceLog) => (isDiscardedLog(log) ? log.discarded_at : log.type));
  } catch (error) {
    if (error instanceof ApiError && error.is(422)) return error.body.errors.map((item) => item.message);
    throw error;
  }
}
