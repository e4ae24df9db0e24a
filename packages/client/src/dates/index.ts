/**
 * `@signalwire-voice/client/dates`: the spec's date-time fields as `Date` objects, typed so.
 * An entry point of its own, so that clients that keep the wire strings carry none of it.
 *
 * @example
 * ```ts
 * import { createVoiceClient, unwrap } from "@signalwire-voice/client";
 * import { withDates } from "@signalwire-voice/client/dates";
 *
 * const client = withDates(createVoiceClient());
 * const page = unwrap(await client.GET("/logs"));
 * const newest: Date | undefined = page.data[0]?.created_at;
 * ```
 * @module
 */
export { withDates } from "./with-dates.js";
