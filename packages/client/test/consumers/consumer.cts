// A CommonJS consumer (node16 resolution: the "require" condition, dist/index.d.cts).
import {
  ApiError,
  createVoiceClient,
  isDiscardedLog,
  unwrap,
  type VoiceClient,
  type VoiceLog,
} from "@signalwire-voice/client";
import { withDates } from "@signalwire-voice/client/dates";
import { ResponseValidationError, validateResponses } from "@signalwire-voice/client/validation";

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

export async function newestDate(client: VoiceClient): Promise<Date | undefined> {
  const dated = withDates(client);
  dated.use(validateResponses("throw"));
  try {
    return unwrap(await dated.GET("/logs")).data[0]?.created_at;
  } catch (error) {
    if (error instanceof ResponseValidationError) console.error(error.pointer, error.expected);
    throw error;
  }
}
