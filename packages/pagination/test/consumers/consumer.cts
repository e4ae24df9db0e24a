// A CommonJS consumer (node16 resolution: the "require" condition, dist/index.d.cts).
import { createVoiceClient, type VoiceLog } from "@signalwire-voice/client";
import { cursorOf, MaxPagesError, paginate } from "@signalwire-voice/pagination";

export async function newest(): Promise<VoiceLog[]> {
  const client = createVoiceClient({ space: "example" });
  try {
    const logs = await paginate(client, "/logs", { query: { created_after: new Date() } }).toArray({
      limit: 10,
    });
    // @ts-expect-error -- items are VoiceLog (neither any nor never)
    const wrong: number = logs[0];
    return [...logs, ...(wrong ? [] : [])];
  } catch (error) {
    if (error instanceof MaxPagesError) console.log(error.maxPages);
    console.log(cursorOf(error));
    throw error;
  }
}
