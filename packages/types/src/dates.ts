/**
 * `@signalwire-voice/types/dates`: where each response of each operation holds `format:
 * date-time` strings, generated from the spec: what `withDates()` of
 * `@signalwire-voice/client/dates` walks. Unlike the package's main entry, this one is
 * JavaScript (a few hundred bytes).
 *
 * @example
 * ```ts
 * import { DATES } from "@signalwire-voice/types/dates";
 *
 * DATES["GET /logs/{id}/events"]["200"]; // { data: [{ event_at: 1 }] }
 * ```
 * @module
 */
export { DATES } from "./generated/dates.js";

/**
 * Where a value's dates are: `1` the value itself (`2` where the spec allows `null` too),
 * `[plan]` each item of a list, `{ key: plan }` those properties of an object.
 *
 * @example
 * ```ts
 * const plan: DatePlan = { data: [{ created_at: 1 }] };
 * ```
 */
export type DatePlan = 1 | 2 | readonly [DatePlan] | { readonly [key: string]: DatePlan };
