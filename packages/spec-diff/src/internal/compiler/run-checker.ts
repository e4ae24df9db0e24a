import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic, DiagnosticMessageChain } from "typescript";
import type { LineRole } from "./checker-source.js";

/** What the compiler said about one check: the first diagnostic of each of its lines. */
export type CheckAnswers = Map<number, Partial<Record<LineRole, string>>>;

/**
 * Type-checks `checker.ts` in `dir` (beside `base.ts` and `head.ts`) with one Program under
 * strict options, and files each diagnostic under the check and question its line stands
 * for. Only the checker file is checked: the generated modules are read, not checked, so the
 * compiler resolves just the types the checks name.
 *
 * @example
 * ```ts
 * const { answers, version } = await runChecker(dir, text, lines);
 * answers.get(3)?.verdict; // "at `items[].status`: Type '\"queued\"' is not assignable to type ..."
 * ```
 */
export async function runChecker(
  dir: string,
  text: string,
  lines: Map<number, { check: number; role: LineRole }>,
): Promise<{ answers: CheckAnswers; version: string }> {
  // Loaded here, not on import: most runs of the CLI's other commands never need it.
  const { default: ts } = await import("typescript");
  const file = join(dir, "checker.ts");
  writeFileSync(file, text);
  const program = ts.createProgram({
    rootNames: [file],
    options: {
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      skipLibCheck: true,
      noEmit: true,
      types: [],
      lib: ["lib.es5.d.ts"],
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
    },
  });
  const source = program.getSourceFile(file);
  const answers: CheckAnswers = new Map();
  const diagnostics: readonly Diagnostic[] = source
    ? [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]
    : [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.file !== source || diagnostic.start === undefined || !source) continue;
    const line = source.getLineAndCharacterOfPosition(diagnostic.start).line;
    const at = lines.get(line);
    if (!at) {
      throw new Error(
        `spec-diff's generated checker does not compile (line ${line + 1}): ${shorten(diagnostic)}`,
      );
    }
    const answer = answers.get(at.check) ?? {};
    answer[at.role] ??= shorten(diagnostic);
    answers.set(at.check, answer);
  }
  return { answers, version: ts.version };
}

const maxLength = 240;

/**
 * The useful part of a diagnostic chain: the property path it descends (`items[].status`)
 * and its deepest message, without the checker's own names (`O12`, `N12`, `NoExtra`).
 */
function shorten(diagnostic: Diagnostic): string {
  const path: string[] = [];
  let node: string | DiagnosticMessageChain = diagnostic.messageText;
  let leaf = typeof node === "string" ? node : node.messageText;
  while (typeof node !== "string") {
    const property =
      /^Types of property '(.+)' are incompatible\.$/.exec(node.messageText)?.[1] ??
      /^The types of '(.+)' are incompatible between these types\.$/.exec(node.messageText)?.[1];
    if (property) path.push(property);
    leaf = node.messageText;
    const next: DiagnosticMessageChain | undefined = node.next?.[0];
    if (!next) break;
    node = next;
  }
  const where = path.length > 0 ? `at \`${path.join(".")}\`: ` : "";
  // `never` is NoExtra's answer for a key or literal the new type lost.
  const lost = /^Type '(.*)' is not assignable to type 'never'\.$/s.exec(leaf)?.[1];
  const readonlyKey = /ReadonlyNow<"(.+?)">/.exec(leaf)?.[1];
  if (readonlyKey !== undefined) return `${where}\`${readonlyKey}\` became readonly`;
  const text = (lost === undefined ? `${where}${leaf}` : `${where}'${lost}' is not in the new type`).replace(
    /'([^']{60})[^']+'/g,
    "'$1…'",
  );
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}
