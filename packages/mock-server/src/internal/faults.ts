import type { Fault, FaultRule } from "../fault-rule.js";
import { seedKey, unit } from "./hash.js";

interface ActiveRule {
  rule: FaultRule;
  onPath: (pathname: string) => boolean;
  nth: ReadonlySet<number> | undefined;
  key: number;
  salt: number;
  seen: number;
}

/**
 * The fault rules of one server and their counters. `select` is called once per request, in
 * arrival order, and returns the fault to apply, if any.
 */
export class FaultBook {
  #rules: ActiveRule[] = [];
  #added = 0;
  readonly #seed: string | number;

  constructor(seed: string | number, rules: readonly FaultRule[] = []) {
    this.#seed = seed;
    for (const rule of rules) this.add(rule);
  }

  add(rule: FaultRule): void {
    checkFaultRule(rule);
    const nth =
      rule.nth === undefined ? undefined : new Set(typeof rule.nth === "number" ? [rule.nth] : rule.nth);
    this.#rules.push({
      rule,
      onPath: pathMatcher(rule.path),
      nth,
      key: seedKey(rule.seed ?? this.#seed),
      salt: 1000 + this.#added++,
      seen: 0,
    });
  }

  clear(): void {
    this.#rules = [];
  }

  select(pathname: string): Fault | undefined {
    let chosen: Fault | undefined;
    for (const active of this.#rules) {
      const { rule } = active;
      if (!active.onPath(pathname)) continue;
      const ordinal = ++active.seen;
      if (chosen) continue;
      if (active.nth && !active.nth.has(ordinal)) continue;
      if (rule.first !== undefined && ordinal > rule.first) continue;
      if (rule.probability !== undefined && unit(active.key, ordinal, active.salt) >= rule.probability)
        continue;
      chosen = rule.fault;
    }
    return chosen;
  }
}

/**
 * Whether a pathname is on a rule's `path`: any path without one, the exact pathname, or with
 * `{name}` segments (as in the spec: `/api/voice/logs/{id}/events`) any one non-empty segment
 * there. A pathname never holds a literal `{`: the URL parser percent-encodes it.
 */
function pathMatcher(path: string | undefined): (pathname: string) => boolean {
  if (path === undefined) return () => true;
  if (!path.includes("{")) return (pathname) => pathname === path;
  const pattern = path
    .split("/")
    .map((segment) =>
      /^\{[^{}]+\}$/.test(segment) ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"),
    )
    .join("/");
  const regex = new RegExp(`^${pattern}$`);
  return (pathname) => regex.test(pathname);
}

const isCount = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;

/** Throws a TypeError that names the field, what it must be and what it was. */
export function checkFaultRule(rule: FaultRule): void {
  const fail = (what: string, expected: string, got: unknown): never => {
    throw new TypeError(`Fault rule ${what} must be ${expected}; got ${JSON.stringify(got)}.`);
  };
  if (typeof rule !== "object" || rule === null) fail("", "an object", rule);
  if (rule.path !== undefined && (typeof rule.path !== "string" || !rule.path.startsWith("/"))) {
    fail("path", 'a pathname starting with "/"', rule.path);
  }
  const nth = typeof rule.nth === "number" ? [rule.nth] : rule.nth;
  if (nth !== undefined && (!Array.isArray(nth) || !nth.every((n) => isCount(n) && n >= 1))) {
    fail("nth", "a 1-based request number or a list of them", rule.nth);
  }
  if (rule.first !== undefined && !isCount(rule.first)) fail("first", "a whole number", rule.first);
  const p = rule.probability;
  if (p !== undefined && !(typeof p === "number" && p >= 0 && p <= 1))
    fail("probability", "a number from 0 to 1", p);
  if (rule.seed !== undefined && typeof rule.seed !== "string" && typeof rule.seed !== "number") {
    fail("seed", "a string or a number", rule.seed);
  }
  checkFault(rule.fault, fail);
}

function checkFault(fault: Fault, fail: (what: string, expected: string, got: unknown) => never): void {
  if (typeof fault !== "object" || fault === null) fail("fault", "an object with a type", fault);
  const seconds = (value: unknown) => value === undefined || isCount(value);
  switch (fault.type) {
    case "rate-limit":
      if (!seconds(fault.retryAfter)) fail("fault.retryAfter", "whole seconds", fault.retryAfter);
      return;
    case "server-error":
      if (![500, 502, 503].includes(fault.status)) fail("fault.status", "500, 502 or 503", fault.status);
      if (!seconds(fault.retryAfter)) fail("fault.retryAfter", "whole seconds", fault.retryAfter);
      return;
    case "delay":
      if (!isCount(fault.ms)) fail("fault.ms", "whole milliseconds", fault.ms);
      return;
    case "truncate":
      if (fault.bytes !== undefined && !isCount(fault.bytes))
        fail("fault.bytes", "a whole number", fault.bytes);
      return;
    case "foreign-next":
      if (typeof fault.origin !== "string" || !URL.canParse(fault.origin)) {
        fail("fault.origin", "an absolute origin such as http://127.0.0.1:4999", fault.origin);
      }
      return;
    case "reset":
    case "invalid-json":
    case "repeat-next":
      return;
    default: {
      const types =
        "rate-limit, server-error, delay, reset, truncate, invalid-json, foreign-next or repeat-next";
      fail("fault.type", types, (fault as { type?: unknown }).type);
    }
  }
}
