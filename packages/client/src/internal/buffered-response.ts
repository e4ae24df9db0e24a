/**
 * A copy of an error answer with a new (redacted) body. `source` is a valid init (status,
 * statusText, headers); an empty body must be null, since `new Response("", { status: 204 })`
 * throws; and a constructed Response has no URL, so the source's is kept as an own property.
 */
export function bufferedResponse(source: Response, text: string): Response {
  return Object.defineProperty(new Response(text || null, source), "url", { value: source.url });
}
