/**
 * Every item of an async iterable, in order: a test's own `toArray`, independent of the code under
 * test.
 *
 * @example
 * ```ts
 * expect(await collect(paginate(client, "/logs"))).toHaveLength(120);
 * ```
 */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}
