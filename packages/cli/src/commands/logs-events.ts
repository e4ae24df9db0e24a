import { type ListVoiceLogEventsResponse, unwrap, type VoiceClient } from "@signalwire-voice/client";

/**
 * `signalwire-voice logs events <id>`: the log's events, oldest first, as the API answers them
 * (`{ data: [...] }`, one answer: the API does not page events). Throws the client's errors.
 *
 * @example
 * ```ts
 * const { data } = await logsEvents(createVoiceClient(), "b7182dc2-00f3-40e4-a5ce-20f164b329df");
 * ```
 */
export async function logsEvents(client: VoiceClient, id: string): Promise<ListVoiceLogEventsResponse> {
  return unwrap(await client.GET("/logs/{id}/events", { params: { path: { id } } }));
}
