import { InputError } from "../errors/input-error.js";
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
  space?: string;
  /** The API's base URL, instead of `space` (a mock server, a proxy). E.g. `http://127.0.0.1:4010/api/voice`. */
  baseUrl?: string;
  /** Your Project ID. Default: `SIGNALWIRE_PROJECT_ID`. */
  projectId?: string;
  /** An API token with the Voice scope. Default: `SIGNALWIRE_API_TOKEN`. Never appears in an error. */
  token?: string;
  /** The fetch to use. Default: `globalThis.fetch`. */
  fetch?: FetchFunction;
  /** Retries after the first attempt, for idempotent requests. Default: 2. */
  maxRetries?: number;
  /** The limit of each attempt in ms, from its start to its last byte. Default: 60 000. */
  timeoutMs?: number;
  /** Aborts every request of this client (each call may pass its own `signal` too). */
  signal?: AbortSignal;
  /** Headers for every request, to whatever origin: no credentials here, set `projectId` and `token`. */
  headers?: Record<string, string>;
  /** Appended to the `User-Agent` (`signalwire-voice-client/<version> <userAgent>`), e.g. `my-app/1.2`. */
  userAgent?: string;
  /** Called before each wait between attempts; the event holds no credentials. */
  onRetry?: (event: RetryEvent) => void;
  /** How long to wait between attempts. */
  backoff?: {
    /** The first wait, before jitter. Default: 500. */
    initialDelayMs?: number;
    /** The longest wait, before jitter. Default: 8 000. */
    maxDelayMs?: number;
    /** Jitter source in [0, 1). Default: `Math.random`. */
    random?: () => number;
  };
  /** Where the `SIGNALWIRE_*` fallbacks are read. Default: `process.env` where there is one. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** The options, checked and with their defaults: what `createVoiceClient` and the retrying fetch need. */
export interface ResolvedOptions extends Omit<RetrySettings, "secrets" | "authorization" | "userAgent"> {
  baseUrl: string;
  origin: string;
  projectId: string;
  token: string;
  headers: Record<string, string>;
  userAgent?: string | undefined;
}

// Printable ASCII without spaces or ':': what Basic auth (and `btoa`) can carry unambiguously.
const CREDENTIAL = /^[!-9;-~]+$/;
// A DNS label: letters, digits and inner hyphens, at most 63 characters.
const LABEL = /^[a-z\d]([a-z\d-]{0,61}[a-z\d])?$/i;

/**
 * Checks every option, fills the defaults and the `SIGNALWIRE_*` fallbacks.
 *
 * @example resolveOptions({ space: "example", projectId: "p", token: "t" }).baseUrl // "https://example.signalwire.com/api/voice"
 */
export function resolveOptions(options: VoiceClientOptions = {}): ResolvedOptions {
  // Read through `globalThis`: a bare `process` throws where there is none (browsers, workers).
  const env =
    options.env ?? (globalThis as { process?: { env?: VoiceClientOptions["env"] } }).process?.env ?? {};
  const {
    space = env.SIGNALWIRE_SPACE,
    // An explicit baseUrl wins over SIGNALWIRE_SPACE.
    baseUrl = `https://${space}.signalwire.com/api/voice`,
    projectId = env.SIGNALWIRE_PROJECT_ID,
    token = env.SIGNALWIRE_API_TOKEN,
    headers = {},
    fetch = globalThis.fetch,
    maxRetries = 2,
    timeoutMs = 60_000,
    backoff: { initialDelayMs = 500, maxDelayMs = 8_000, random = Math.random } = {},
  } = options;
  const url = URL.canParse(baseUrl) && new URL(baseUrl);
  // [option, valid?, what was expected, the variable that can supply it]. Credentials' values
  // are never quoted, only what is wrong with them.
  const rules: [string, unknown, string, string?][] = [
    // One DNS label, so the origin is always a signalwire.com host.
    [
      "space",
      options.baseUrl !== undefined || (!!space && LABEL.test(space)),
      `a Space name like "example", got ${JSON.stringify(space)}`,
      "SIGNALWIRE_SPACE",
    ],
    // Credentials in the URL would leak into error messages; a query or hash would be dropped.
    [
      "baseUrl",
      url && /^https?:$/.test(url.protocol) && !(url.username || url.password || url.search || url.hash),
      `an http(s) URL without user, query or hash, got ${JSON.stringify(baseUrl)}`,
    ],
    ["projectId", !!projectId && CREDENTIAL.test(projectId), "your Project ID", "SIGNALWIRE_PROJECT_ID"],
    ["token", !!token && CREDENTIAL.test(token), "your API token", "SIGNALWIRE_API_TOKEN"],
    ["fetch", typeof fetch === "function", "a function"],
    ["maxRetries", isCount(maxRetries, 0), "an integer >= 0"],
    ["timeoutMs", isCount(timeoutMs, 1), "an integer >= 1"],
    ["backoff", isCount(initialDelayMs, 0) && isCount(maxDelayMs, 0), "integers >= 0"],
  ];
  for (const [name, valid, expected, variable] of rules) {
    if (valid) continue;
    const how = variable ? ` Pass { ${name} } or set ${variable}.` : "";
    throw new InputError(`createVoiceClient: bad option ${name}: expected ${expected}.${how}`, {
      field: name,
    });
  }
  return {
    ...options,
    // openapi-fetch drops a trailing slash itself.
    baseUrl,
    origin: (url as URL).origin,
    projectId: projectId as string,
    token: token as string,
    headers,
    fetch,
    maxRetries,
    timeoutMs,
    backoff: { initialDelayMs, maxDelayMs, random },
  };
}

/** An integer from `min` up to the longest delay `setTimeout` keeps (beyond it, it fires at once). */
function isCount(value: number, min: number): boolean {
  return Number.isInteger(value) && value >= min && value < 2 ** 31;
}
