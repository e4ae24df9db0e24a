import { InputError } from "../errors/input-error.js";
import type { FetchFunction } from "./fetch-function.js";
import { isInteger } from "./input-checks.js";
import { createRedactor } from "./redact.js";
import type { RetryEvent, RetrySettings } from "./retrying-fetch.js";

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
  /**
   * The most bytes of one answer's body the client reads (decoded), else `ResponseTooLargeError`.
   * Default: 32 MiB, far above the largest page (1 000 logs are about 1–2 MB).
   */
  maxResponseBytes?: number | undefined;
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
    maxResponseBytes = 32 * 1024 * 1024,
    userAgent,
    backoff: { initialDelayMs = 500, maxDelayMs = 8_000, random = Math.random } = {},
  } = options;
  const url = URL.canParse(baseUrl) && new URL(baseUrl);
  // [option, what is wrong (or nothing), the variable that can supply it]. Credentials' values
  // are never quoted, only what is wrong with them.
  const rules: [string, string | undefined, string?][] = [
    // One DNS label, so the origin is always a signalwire.com host.
    [
      "space",
      givenUrl !== undefined || (!!space && LABEL.test(space))
        ? undefined
        : `expected a Space name like "example", got ${JSON.stringify(`${space}`.slice(0, 100))}`,
      "SIGNALWIRE_SPACE",
    ],
    [
      "baseUrl",
      url && BASE_URL.test(url.href)
        ? undefined
        : `expected an https URL (http only on loopback or *.test) without user, query or hash, got ${JSON.stringify(shownUrl(url, baseUrl))}`,
      "SIGNALWIRE_BASE_URL",
    ],
    ["projectId", credentialProblem(projectId, "your Project ID", 1), "SIGNALWIRE_PROJECT_ID"],
    // At least 8 characters: redaction removes any 8 of the token's characters in a row, and a
    // shorter token would occur inside ordinary words, garbling messages while protecting little
    // (real API tokens are much longer).
    ["token", credentialProblem(token, "your API token", 8), "SIGNALWIRE_API_TOKEN"],
    ["fetch", typeof fetch === "function" ? undefined : "expected a function"],
    // Up to the longest delay `setTimeout` keeps (beyond it, it fires at once).
    ["maxRetries", isInteger(maxRetries, 0) ? undefined : "expected an integer >= 0"],
    ["timeoutMs", isInteger(timeoutMs, 1) ? undefined : "expected an integer >= 1"],
    ["maxResponseBytes", isInteger(maxResponseBytes, 1, 2 ** 53) ? undefined : "expected an integer >= 1"],
    [
      "backoff",
      isInteger(initialDelayMs, 0) && isInteger(maxDelayMs, 0) ? undefined : "expected integers >= 0",
    ],
  ];
  // Every problem at once, so one run shows all there is to fix.
  const problems = rules.filter(([, problem]) => problem !== undefined);
  if (problems.length) {
    const lines = problems.map(([name, problem, variable]) => {
      const how = variable ? ` Pass { ${name} } or set ${variable}.` : "";
      return `bad option ${name}: ${problem}.${how}`;
    });
    // Values are quoted only where no credential belongs (space, baseUrl without user, query or
    // hash); still, a token pasted in the wrong place is not repeated.
    const redact = createRedactor([`${token}`, `${projectId}:${token}`]);
    throw new InputError(redact(`createVoiceClient: ${lines.join(" ")}`), { field: problems[0]?.[0] });
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
    maxResponseBytes,
    backoff: { initialDelayMs, maxDelayMs, random },
    authorization: `Basic ${credentials}`,
    userAgent: `signalwire-voice-client/${__VERSION__}${userAgent ? ` ${userAgent}` : ""}`,
    redact: createRedactor([token as string, credentials]),
  };
}

/**
 * What is wrong with a Project ID or token, without quoting it: Basic auth (and `btoa`) carries
 * printable ASCII without spaces or ':' unambiguously, and nothing else.
 *
 * @example credentialProblem("PT 1", "your API token", 8) // "your API token contains a space or a tab"
 */
function credentialProblem(value: string | undefined, what: string, min: number): string | undefined {
  if (!value) return `${what} is missing`;
  const problem = /\s/.test(value)
    ? /[\r\n]/.test(value)
      ? "contains a line break"
      : "contains a space or a tab"
    : /[^\x21-\x7e]/.test(value)
      ? "contains a character that is not printable ASCII"
      : value.includes(":")
        ? 'contains ":"'
        : value.length < min
          ? `is ${value.length} characters, expected ${min} or more`
          : undefined;
  return problem && `${what} ${problem}`;
}

/**
 * A base URL as a message may quote it: without query or hash (where keys travel), a user or
 * password shown as `[redacted]`, at most 100 characters.
 *
 * @example shownUrl(new URL("https://u:p@example.test/api?key=x"), "…") // "https://[redacted]@example.test/api"
 */
function shownUrl(url: URL | false, given: string): string {
  if (!url) return given.replace(/^.*@/, "[redacted]@").slice(0, 100);
  const safe = new URL(url);
  const userinfo = safe.username || safe.password;
  Object.assign(safe, { username: "", password: "", search: "", hash: "" });
  return (userinfo ? safe.href.replace("//", "//[redacted]@") : safe.href).slice(0, 100);
}
