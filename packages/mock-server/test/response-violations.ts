import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { checkResponse, type Violation } from "@signalwire-voice/types/validators";
import { parse } from "yaml";

/**
 * What the server sends, judged by the spec's generated validators (@signalwire-voice/types/validators): the Ajv code generated from the
 * bundled spec at build time, the same that `validateResponses()` runs on every answer a user gets.
 * The spec itself is read only for the statuses it declares.
 */
const require = createRequire(import.meta.url);
const bundlePath = join(
  dirname(require.resolve("@signalwire-voice/spec/package.json")),
  "dist/voice.sdk.yaml",
);
const spec = parse(readFileSync(bundlePath, "utf8")) as {
  paths: Record<string, { get?: { responses?: Record<string, unknown> } }>;
};

/** The three operations, named as the generated validators name them: method and path template. */
export type Operation = "GET /logs" | "GET /logs/{id}" | "GET /logs/{id}/events";
const OPERATIONS: Operation[] = ["GET /logs", "GET /logs/{id}", "GET /logs/{id}/events"];

/** Statuses the spec declares for an operation. */
export const specStatusesOf = (operation: Operation): number[] =>
  Object.keys(spec.paths[operation.slice("GET ".length)]?.get?.responses ?? {}).map(Number);

// checkResponse() passes any status it has no validator for, so a status the spec declares but
// the generated code lacks would make every check of it pass unseen. No body is `null`.
for (const operation of OPERATIONS) {
  const statuses = specStatusesOf(operation);
  if (statuses.length === 0) throw new Error(`The spec declares no responses for ${operation}.`);
  for (const status of statuses) {
    if (checkResponse(operation, status, null) === undefined)
      throw new Error(
        `The client's generated validators have no check for ${operation} ${status}, which the spec declares: run \`pnpm generate\` and rebuild @signalwire-voice/types.`,
      );
  }
}

/** The operation the server answers a request target with, as the spec's paths say. */
export function operationOf(target: string): Operation | undefined {
  const { pathname } = new URL(target, "http://mock.test");
  if (pathname === "/api/voice/logs") return "GET /logs";
  if (/^\/api\/voice\/logs\/[^/]+$/.test(pathname)) return "GET /logs/{id}";
  if (/^\/api\/voice\/logs\/[^/]+\/events$/.test(pathname)) return "GET /logs/{id}/events";
  return undefined;
}

/**
 * What is wrong with a body of `operation` (default: GET /logs) answered with `status`, as
 * readable lines; empty when it conforms. A status the spec does not declare (404 on GET /logs,
 * 405, 429, …) must carry the server's own `{"error": "…"}` and nothing else.
 *
 * @example
 * ```ts
 * violations(200, { links: {}, data: [] }); // ["/links/self must be present (a required property), received nothing"]
 * ```
 */
export function violations(status: number, body: unknown, operation: Operation = "GET /logs"): string[] {
  const violation = specStatusesOf(operation).includes(status)
    ? checkResponse(operation, status, body)
    : offSpecViolation(body);
  return violation ? [lineOf(violation)] : [];
}

const lineOf = ({ pointer, expected, received, logId }: Violation) =>
  `${pointer || "/"} ${expected}, received ${received ?? "nothing"}${logId ? ` (log ${logId})` : ""}`;

/** The server's shape for statuses the spec does not declare: `{"error": "<a non-empty string>"}`. */
function offSpecViolation(body: unknown): Violation | undefined {
  const at = (pointer: string, expected: string, keyword: string, value: unknown): Violation => ({
    pointer,
    expected,
    keyword,
    received: value === undefined ? undefined : (JSON.stringify(value) ?? "").slice(0, 60),
    logId: undefined,
  });
  if (typeof body !== "object" || body === null || Array.isArray(body))
    return at("", "must be object", "type", body);
  const { error, ...rest } = body as Record<string, unknown>;
  if (typeof error !== "string" || error === "")
    return at("/error", "must be a non-empty string", "type", error);
  const [extra] = Object.keys(rest);
  if (extra !== undefined)
    return at(
      `/${extra.replaceAll("~", "~0").replaceAll("/", "~1")}`,
      "must NOT have additional properties",
      "additionalProperties",
      rest[extra],
    );
  return undefined;
}
