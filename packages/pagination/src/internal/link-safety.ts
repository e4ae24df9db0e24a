import { MAX_LENGTH } from "./cursor.js";

/**
 * Why a `next` link must not be followed, or `undefined` if it may: it must stay on the origin
 * and path of the page that carried it, and be no longer than a link can be. One line per rule.
 *
 * @example linkProblem(new URL("https://evil.example/api/voice/logs"), new URL("https://a.signalwire.com/api/voice/logs")) // "is off origin"
 */
export function linkProblem(link: URL, page: URL): string | undefined {
  // A user or password in a link is someone's credentials: never sent, logged or repeated.
  if (link.username || link.password) return "has userinfo";
  // Another scheme, host or port is another server: it must never see our requests.
  if (link.origin !== page.origin) return "is off origin";
  // Another path is another resource: its pages are not this list's.
  if (link.pathname !== page.pathname) return "is off path";
  // Far longer than any real link: only there to make every step after it costly.
  if (link.href.length > MAX_LENGTH) return `is ${link.href.length} characters long, more than ${MAX_LENGTH}`;
  return undefined;
}
