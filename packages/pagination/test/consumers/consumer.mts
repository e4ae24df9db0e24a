// An ESM consumer (node16 resolution: the "import" condition, dist/index.d.mts).
import { createVoiceClient } from "@signalwire-voice/client";
import { type Page, paginate, UnsafeNextLinkError } from "@signalwire-voice/pagination";

export async function cursors(): Promise<(string | undefined)[]> {
  const client = createVoiceClient({ space: "example" });
  const cursors: (string | undefined)[] = [];
  try {
    for await (const page of paginate(client, "/logs", { prefetch: 1 }).pages()) {
      const items: Page<{ id: string }, unknown>["items"] = page.items;
      cursors.push(page.cursor, page.links.self, items[0]?.id);
    }
  } catch (error) {
    if (error instanceof UnsafeNextLinkError) cursors.push(error.link, error.expected, error.cursor);
  }
  // @ts-expect-error -- "/calls" is no list path of the voice client
  paginate(client, "/calls");
  return cursors;
}
