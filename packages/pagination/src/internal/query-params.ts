/**
 * A query object as a client sends it: openapi-fetch's default serializer (a list repeats the
 * parameter, an object is `name[key]=value`, undefined and null are left out) and the voice
 * client's rule for Dates (ISO 8601). What a server receives for it, and echoes in its links.
 *
 * @example `${paramsOf({ status: ["a", "b"], after: new Date(0), none: undefined })}`
 * // "status=a&status=b&after=1970-01-01T00%3A00%3A00.000Z"
 */
export function paramsOf(query: Record<string, unknown>): URLSearchParams {
  const params = new URLSearchParams();
  const add = (name: string, value: unknown): void => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) for (const item of value) add(name, item);
    else if (value instanceof Date) params.append(name, `${value.toJSON()}`);
    else if (typeof value === "object") {
      for (const key in value) add(`${name}[${key}]`, (value as Record<string, unknown>)[key]);
    } else params.append(name, String(value));
  };
  for (const name in query) add(name, query[name]);
  return params;
}
