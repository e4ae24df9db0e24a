import { UnsafeNextLinkError } from "../errors/unsafe-next-link-error.js";
import { type PageRequest, requestOf } from "./cursor.js";
import { linkProblem } from "./link-safety.js";
import { shown } from "./shown.js";

/**
 * The request for the page after a page, from its `next` link: only the link's query is kept,
 * and the client sends it to its own base URL, so a link can steer which page comes next but
 * never where the request (and its credentials) goes. A link off the page's own origin and path,
 * longer than 16 KiB, or carrying the client's credentials (`redact` finds them), throws
 * `UnsafeNextLinkError` all the same: such a server is not answering as expected.
 *
 * @example nextRequest("/logs", "http://h/api/voice/logs?page_number=1&page_size=2&page_token=PA1", "http://h/api/voice/logs?page_size=2").query
 * // { page_number: 1, page_size: 2, page_token: "PA1" }
 */
export function nextRequest(
  path: string,
  link: string,
  pageUrl: string,
  redact: (text: string) => string = (text) => text,
): PageRequest {
  let page: URL | undefined;
  let url: URL | undefined;
  try {
    page = new URL(pageUrl);
    // A relative link resolves against the page, as a browser would resolve it.
    url = new URL(link, page);
  } catch {
    // Not a URL; or no page URL to check against (a Response built in process has none, and
    // the client ran no middleware to tell): refused either way, rather than guessed.
  }
  // Following a link that carries the client's credentials would put them in a URL, which
  // servers and proxies log: refused, and only its origin and path shown (redacted).
  const problem =
    redact(link) !== link
      ? "carries the client's credentials"
      : url
        ? linkProblem(url, page as URL)
        : "is not checkable";
  if (!problem) return requestOf(path, (url as URL).search);
  // Origin and path only: the rest of a hostile link could carry anything.
  const [shownLink, expected] = [url, page].map((at) =>
    at ? shown(redact(at.origin + at.pathname)) : "unknown",
  );
  throw new UnsafeNextLinkError(
    `paginate: refused next link ${shownLink} (nothing sent): it ${problem}; the page was ${expected}.`,
    { link: shownLink, expected },
  );
}
