/**
 * What is wrong with a success's body as a page of a list — `{ links: { next? }, data: [...] }` —
 * or `undefined` if nothing is. One line per rule; the items themselves are the server's to type.
 *
 * @example bodyProblem({ links: {}, data: "abc" }) // "data is a string, expected a list"
 */
export function bodyProblem(body: unknown): string | undefined {
  // Anything but an object has no `links` or `data` to read.
  if (!isObject(body)) return `the body ${is(body)}, expected an object`;
  // The items: a list, not a string (walked letter by letter) nor an object (walked as nothing).
  if (!Array.isArray(body.data)) return `data ${is(body.data)}, expected a list`;
  // The way on: an object, whose `next` is a URL, or null or absent on the last page.
  if (!isObject(body.links)) return `links ${is(body.links)}, expected an object`;
  const { next } = body.links;
  if (next != null && typeof next !== "string") return `links.next ${is(next)}, expected a URL or null`;
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** "is missing", "is null", "is a list", "is a string", "is an object"… */
function is(value: unknown): string {
  if (value === undefined) return "is missing";
  if (value === null) return "is null";
  if (Array.isArray(value)) return "is a list";
  return typeof value === "object" ? "is an object" : `is a ${typeof value}`;
}
