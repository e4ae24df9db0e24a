/**
 * A problem with the input (a missing file, a bad git ref, YAML that does not parse, a
 * bundle that fails): the CLI prints `message` and exits 2. The message says what failed,
 * what was expected and how to fix it; `cause` keeps the underlying error.
 *
 * @example
 * ```ts
 * try {
 *   await diffSpecs({ base: "old.yaml", head: "new.yaml" });
 * } catch (error) {
 *   if (error instanceof SpecDiffError) console.error(error.message);
 *   else throw error;
 * }
 * ```
 */
export class SpecDiffError extends Error {
  override name = "SpecDiffError";

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
