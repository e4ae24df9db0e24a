import { DATES, type DatePlan } from "@signalwire-voice/types/dates";
import type { VoiceClient } from "../create-voice-client.js";
import type { FetchResult } from "../unwrap.js";
import { reviveDates } from "./revive-dates.js";

type Plans = Readonly<Record<string, Readonly<Record<string, DatePlan>> | undefined>>;

/**
 * A client that hands over every `format: date-time` field of every answer (`created_at`,
 * `discarded_at`, `event_at`) as a `Date`, and is typed so: `VoiceClient<"date">`. Where the
 * dates are comes from the spec, at build time. `client` itself is left as it was (its answers
 * keep the wire strings); the new one shares its settings, middleware and redaction.
 *
 * A date the server wrote that is not a date-time as the spec's `format: date-time` reads it
 * fails the call with `UnexpectedResponseError`, naming the field: there is no `Date` to hand
 * over. The plan is the union of the log kinds' dates: a `discarded_at` on a log of another kind
 * is read as a date too. The dates are replaced in the parsed body itself (what
 * `response.json()` returns for that answer). `client`'s `GET` and `request` are taken as they
 * are now: wrap the client once it is set up.
 *
 * @example
 * ```ts
 * const client = withDates(createVoiceClient());
 * const log = unwrap(await client.GET("/logs/{id}", { params: { path: { id } } }));
 * console.log(log.created_at.toISOString());
 * ```
 */
export function withDates(client: VoiceClient): VoiceClient<"date"> {
  const plans: Plans = DATES;
  // Everything but the two calls with a body to revive comes from `client` itself.
  const dated: VoiceClient<"date"> = Object.create(client);
  const revived = async (operation: string, answer: Promise<FetchResult<unknown>>) => {
    const result = await answer;
    const plan = plans[operation]?.[result.response.status];
    if (plan !== undefined && result.data !== undefined) reviveDates(result.data, plan, result.response);
    return result;
  };
  const { GET, request } = client as unknown as Record<"GET" | "request", (...args: unknown[]) => never>;
  Object.assign(dated, {
    GET: (url: string, init: unknown) => revived(`GET ${url}`, GET(url, init)),
    request: (method: string, url: string, init: unknown) =>
      revived(`${method.toUpperCase()} ${url}`, request(method, url, init)),
  });
  return dated;
}
