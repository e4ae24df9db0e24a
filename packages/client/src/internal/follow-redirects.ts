import { RedirectError } from "../errors/redirect-error.js";
import type { FetchFunction } from "./fetch-function.js";
import { ownError } from "./own-errors.js";
import type { Redact } from "./redact.js";

/** What following needs: where credentials may go, and how to keep them out of messages. */
export interface Destination {
  fetch: FetchFunction;
  /** The configured origin: the only one that gets `authorization`. */
  origin: string;
  authorization: string;
  redact: Redact;
}

/**
 * Sends `request` and follows its redirects by hand, within the request's own origin: fetch's
 * own "follow" mode sends the request on to any host (with its query) and hands back that host's
 * answer as the API's. A redirect elsewhere, past 20 (the Fetch standard's limit), of a request
 * with a body, or that cannot be checked (a browser hides a manual redirect's target) throws
 * `RedirectError`, and nothing is sent there. Credentials go on each hop to the configured origin.
 *
 * @example const answer = await followRedirects(request, destination, { signal, aborted });
 */
export async function followRedirects(
  request: Request,
  { fetch, origin, authorization, redact }: Destination,
  { signal, aborted }: { signal: AbortSignal; aborted: Promise<never> },
): Promise<Response> {
  let current = request;
  for (let hop = 0; ; hop++) {
    // The slash keeps `https://example.signalwire.com.evil.example` out.
    if (current.url.startsWith(`${origin}/`)) current.headers.set("authorization", authorization);
    // A body can be read only once, so each send gets a clone. The race keeps the attempt's clock
    // even for a fetch that ignores its signal.
    const answer = await Promise.race([
      fetch(current.body ? current.clone() : current, { signal, redirect: "manual" }),
      aborted,
    ]);
    const location = answer.headers.get("location");
    const redirected = answer.type === "opaqueredirect" || /^30[12378]$/.test(`${answer.status}`);
    if (!redirected || (location === null && answer.type !== "opaqueredirect")) return answer;
    await answer.body?.cancel();
    const from = new URL(current.url);
    const parsed = URL.canParse(`${location}`, from.href) ? new URL(`${location}`, from) : undefined;
    // A user or password in a Location is someone's credentials: never followed nor shown.
    const to = parsed && !parsed.username && !parsed.password ? parsed : undefined;
    const why = !to
      ? "it cannot be read"
      : to.origin !== from.origin
        ? "another origin"
        : current.body
          ? "the request has a body"
          : hop === 20 && "past 20 redirects";
    if (why || !to) {
      // Origin and path only; `null` is the origin of schemes like `data:`.
      const shown = to
        ? redact(`${to.origin === "null" ? to.protocol : to.origin}${to.pathname}`.slice(0, 200))
        : "?";
      throw ownError(
        new RedirectError(
          `${redact(from.origin + from.pathname)} redirected (${answer.status}) to ${shown}, not followed: ${why}. Nothing was sent there.`,
          { status: answer.status, location: shown },
        ),
      );
    }
    // 303 continues as a GET, as browsers do; the others keep the method (bodies are refused).
    current = new Request(to, {
      method: answer.status === 303 ? "GET" : current.method,
      headers: current.headers,
    });
  }
}
