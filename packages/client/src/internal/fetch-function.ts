/**
 * A fetch, called as `fetch(request, { signal, redirect: "manual" })`: `signal` is the attempt's
 * (the caller's signals and the attempt's timeout), so a custom fetch should pass it on, and it
 * should hand redirects back rather than follow them: the client follows those that stay on the
 * request's origin. Every attempt gets the same `request`, its headers updated (`X-Attempt`):
 * copy it if you keep it. `globalThis.fetch` fits.
 *
 * @example
 * ```ts
 * const logged: FetchFunction = (request, init) => {
 *   console.log(request.method, request.url, request.headers.get("x-attempt"));
 *   return fetch(request, init);
 * };
 * const client = createVoiceClient({ fetch: logged });
 * ```
 */
export type FetchFunction = (
  request: Request,
  init: { signal: AbortSignal; redirect: "manual" },
) => Promise<Response>;
