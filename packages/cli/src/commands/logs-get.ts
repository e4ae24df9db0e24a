import { unwrap, type VoiceClient, type VoiceLog } from "@signalwire-voice/client";

/**
 * `signalwire-voice logs get <id>`: the voice log, exactly as the API answers it. Throws the
 * client's errors (`InputError` for a non-UUID id, before sending; `ApiError`; `NetworkError`…).
 *
 * @example
 * ```ts
 * const log = await logsGet(createVoiceClient(), "b7182dc2-00f3-40e4-a5ce-20f164b329df");
 * ```
 */
export async function logsGet(client: VoiceClient, id: string): Promise<VoiceLog> {
  return unwrap(await client.GET("/logs/{id}", { params: { path: { id } } }));
}
