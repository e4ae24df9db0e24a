import { InputError } from "../errors/input-error.js";
import { isInteger } from "./input-checks.js";
import { secretPattern } from "./redact.js";
import type { FetchFunction, RetryEvent, RetrySettings } from "./retrying-fetch.js";

/**
 * Options of `createVoiceClient()`. Every option is optional where the environment can supply it;
 * anything missing or malformed throws `InputError` at construction, before any request.
 *
 * @example
 * ```ts
 * const options: VoiceClientOptions = { space: "example", projectId, token, maxRetries: 3 };
 * ```
 */
export interface VoiceClientOptions {
  /** Your Space: the `example` of `example.signalwire.com`. Default: `SIGNALWIRE_SPACE`. */
  space?: string | undefined;
  /**
   * The API's base URL, instead of `space` (a mock server, a proxy), e.g.
   * `http://127.0.0.1:4010/api/voice`. Default: `SIGNALWIRE_BASE_URL`, unless `space` is given.
   */
  baseUrl?: string | undefined;
  /** Your Project ID. Default: `SIGNALWIRE_PROJECT_ID`. */
  projectId?: string | undefined;
  /** An API token with the Voice scope. Default: `SIGNALWIRE_API_TOKEN`. Never appears in an error. */
  token?: string | undefined;
  /** The fetch to use. Default: `globalThis.fetch`. */
  fetch?: FetchFunction | undefined;
  /** Retries after the first attempt, for idempotent requests. Default: 2. */
  maxRetries?: number | undefined;
  /** The limit of each attempt in ms, from its start to its last byte. Default: 60 000. */
  timeoutMs?: number | undefined;
  /** Aborts every request of this client (each call may pass its own `signal` too). */
  signal?: AbortSignal | undefined;
  /** Headers for every request, to whatever origin: no credentials here, set `projectId` and `token`. */
  headers?: Record<string, string> | undefined;
  /** Appended to the `User-Agent` (`signalwire-voice-client/<version> <userAgent>`), e.g. `my-app/1.2`. */
  userAgent?: string | undefined;
  /** Called before each wait between attempts; the event holds no credentials. */
  onRetry?: ((event: RetryEvent) => void) | undefined;
  /** How long to wait between attempts. */
  backoff?:
    | {
        /** The first wait, before jitter. Default: 500. */
        initialDelayMs?: number | undefined;
        /** The longest wait, before jitter. Default: 8 000. */
        maxDelayMs?: number | undefined;
        /** Jitter source in [0, 1). Default: `Math.random`. */
        random?: (() => number) | undefined;
      }
    | undefined;
  /** Where the `SIGNALWIRE_*` fallbacks are read. Default: `process.env` where there is one. */
  env?: Readonly<Record<string, string | undefined>> | undefined;
}

/**
 * The options, checked and with their defaults: the retrying fetch's settings (credentials and
 * user agent made), and what openapi-fetch needs.
 */
export interface ResolvedOptions extends RetrySettings {
  baseUrl: string;
  headers?: Record<string, string> | undefined;
}

declare const __VERSION__: string;

// Printable ASCII without spaces or ':': what Basic auth (and `btoa`) can carry unambiguously.
const CREDENTIAL = /^[!-9;-~]+$/;
// A DNS label: letters, digits and inner hyphens, at most 63 characters.
const LABEL = /^[a-z\d]([a-z\d-]{0,61}[a-z\d])?$/i;
// The base URL, as the URL parser normalises it (`127.1` → `127.0.0.1`, `[0::1]` → `[::1]`):
// https, or plain http to a host that keeps Basic credentials off the network (this machine:
// localhost, 127.0.0.0/8, ::1; or a `.test` name, which RFC 6761 reserves for testing and no
// public DNS resolves: the in-process mock server's `http://mock.test`). No user or password
// (they would leak into error messages), no query or hash (openapi-fetch would drop them).
const BASE_URL =
  /^(https:\/\/[^@/]+|http:\/\/(localhost|127(\.\d+){3}|\[::1\]|[^@/]+\.test)(:\d+)?)\/[^?#]*$/;

/**
 * Checks every option, fills the defaults and the `SIGNALWIRE_*` fallbacks.
 *
 * @example resolveOptions({ space: "example", projectId: "p", token: "PT-example" }).origin // "https://example.signalwire.com"
 */
export function resolveOptions(options: VoiceClientOptions = {}): ResolvedOptions {
  // Read through `globalThis`: a bare `process` throws where there is none (browsers, workers).
  const env =
    options.env ?? (globalThis as { process?: { env?: VoiceClientOptions["env"] } }).process?.env ?? {};
  // Where requests go, most explicit first: the baseUrl option, the space option,
  // SIGNALWIRE_BASE_URL, SIGNALWIRE_SPACE. An empty variable counts as unset.
  const givenUrl = options.baseUrl ?? ((options.space === undefined && env.SIGNALWIRE_BASE_URL) || undefined);
  const {
    space = env.SIGNALWIRE_SPACE,
    baseUrl = givenUrl ?? `https://${space}.signalwire.com/api/voice`,
    projectId = env.SIGNALWIRE_PROJECT_ID,
    token = env.SIGNALWIRE_API_TOKEN,
    fetch = globalThis.fetch,
    maxRetries = 2,
    timeoutMs = 60_000,
    userAgent,
    backoff: { initialDelayMs = 500, maxDelayMs = 8_000, random = Math.random } = {},
  } = options;
  const url = URL.canParse(baseUrl) && new URL(baseUrl);
  // [option, valid?, what was expected, the variable that can supply it]. Credentials' values
  // are never quoted, only what is wrong with them.
  const rules: [string, unknown, string, string?][] = [
    // One DNS label, so the origin is always a signalwire.com host.
    [
      "space",
      givenUrl !== undefined || (!!space && LABEL.test(space)),
      `a Space name like "example", got ${JSON.stringify(space)}`,
      "SIGNALWIRE_SPACE",
    ],
    [
      "baseUrl",
      url && BASE_URL.test(url.href),
      `an https URL (http only on loopback or *.test) without user, query or hash, got ${JSON.stringify(baseUrl).replace(/\/\/[^/]*@/, "//[redacted]@")}`,
      "SIGNALWIRE_BASE_URL",
    ],
    ["projectId", !!projectId && CREDENTIAL.test(projectId), "your Project ID", "SIGNALWIRE_PROJECT_ID"],
    // At least 8 characters: redaction replaces every occurrence of the token in error text, and a
    // token of a few characters occurs inside ordinary words ("bad por[redacted]"), garbling
    // messages while protecting little (real API tokens are much longer).
    [
      "token",
      !!token && CREDENTIAL.test(token) && token.length > 7,
      "your API token (8+ characters)",
      "SIGNALWIRE_API_TOKEN",
    ],
    ["fetch", typeof fetch === "function", "a function"],
    // Up to the longest delay `setTimeout` keeps (beyond it, it fires at once).
    ["maxRetries", isInteger(maxRetries, 0), "an integer >= 0"],
    ["timeoutMs", isInteger(timeoutMs, 1), "an integer >= 1"],
    ["backoff", isInteger(initialDelayMs, 0) && isInteger(maxDelayMs, 0), "integers >= 0"],
  ];
  for (const [name, valid, expected, variable] of rules) {
    if (valid) continue;
    const how = variable ? ` Pass { ${name} } or set ${variable}.` : "";
    throw new InputError(`createVoiceClient: bad option ${name}: expected ${expected}.${how}`, {
      field: name,
    });
  }
  // `btoa` is on every runtime; both parts are printable ASCII (checked above).
  const credentials = btoa(`${projectId}:${token}`);
  return {
    ...options,
    // openapi-fetch drops a trailing slash itself.
    baseUrl,
    origin: (url as URL).origin,
    fetch,
    maxRetries,
    timeoutMs,
    backoff: { initialDelayMs, maxDelayMs, random },
    authorization: `Basic ${credentials}`,
    userAgent: `signalwire-voice-client/${__VERSION__}${userAgent ? ` ${userAgent}` : ""}`,
    secrets: secretPattern([token as string, credentials]),
  };
}
