import type { Redact } from "./internal/redact.js";

// Shared by every copy of this package in a process, like the errors' brands.
export const REDACTOR = Symbol.for("@signalwire-voice/client.redactor");

const keep: Redact = (text) => text;

/**
 * The redaction of a client made by `createVoiceClient()` (or of a Response it handed back):
 * a function that replaces every trace of the client's token and Basic credentials in a text
 * with `[redacted]`, the same one the client applies to every error it builds. Anything else
 * (another client, a Response from elsewhere) gets a function that changes nothing. For code
 * that builds errors or cursors from what a client returns, as `@signalwire-voice/pagination`
 * does.
 *
 * @example
 * ```ts
 * const redact = redactorOf(client);
 * logger.info(redact(`next page: ${page.links.next}`));
 * ```
 */
export function redactorOf(source: unknown): (text: string) => string {
  return (source as { [REDACTOR]?: Redact } | null | undefined)?.[REDACTOR] ?? keep;
}

/** Gives `target` its redaction, for `redactorOf`: a hidden property, not enumerable. */
export function withRedactor<T extends object>(target: T, redact: Redact): T {
  return Object.defineProperty(target, REDACTOR, { value: redact });
}
