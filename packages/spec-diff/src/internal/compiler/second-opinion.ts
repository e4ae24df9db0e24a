import type { Change, CompilerAnswer, Disagreement } from "../../report.js";
import { locate } from "../locate.js";
import type { ParsedSpec } from "../parsed-spec.js";
import type { PipelineScripts } from "../pipeline-scripts.js";
import type { PreparedSide } from "../prepare-side.js";
import { changeSubjects, operationsUsing, subjectPointer } from "./change-subjects.js";
import { judgeWithCompiler } from "./compiler-judge.js";
import { reconcile } from "./reconcile.js";
import { componentName } from "./surface-checks.js";
import { isWireLevel } from "./wire-level-kinds.js";

/** What asking the compiler needs: the prepared sides, the parsed sources (for lines) and a folder. */
export interface SecondOpinionInput {
  scripts: Pick<PipelineScripts, "generateTypes">;
  before: PreparedSide;
  after: PreparedSide;
  base: ParsedSpec;
  head: ParsedSpec;
  workDir: string;
}

/**
 * The compiler's answer beside the rules', reconciled: the changes with their final severity,
 * the compiler's answer and the disagreements. When the types cannot be generated or compiled
 * the rules' answer stands and `compiler.status` is "failed" with the reason.
 *
 * @example
 * ```ts
 * const { changes, compiler, disagreements } = await secondOpinion(ruleChanges, input);
 * ```
 */
export async function secondOpinion(
  ruleChanges: readonly Change[],
  input: SecondOpinionInput,
): Promise<{ changes: Change[]; compiler: CompilerAnswer; disagreements: Disagreement[] }> {
  let judgment: Awaited<ReturnType<typeof judgeWithCompiler>>;
  try {
    judgment = await judgeWithCompiler(
      input.scripts,
      input.before.bundled,
      input.after.bundled,
      input.workDir,
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    const compiler: CompilerAnswer = {
      status: "failed",
      error: reason ?? "",
      operations: [],
      schemas: [],
      removedNames: [],
    };
    return { changes: [...ruleChanges], compiler, disagreements: [] };
  }
  const { answer, inventories } = judgment;
  const { changes, disagreements } = reconcile(ruleChanges, answer, {
    subjectsOf: (change) => [
      ...changeSubjects({ ...change.location, directions: change.directions }, inventories, {
        base: input.before.doc,
        head: input.after.doc,
      }),
      ...renamedFrom(change),
    ],
    usedBy: (name) => operationsUsing(name, inventories),
    isWireLevel: (change) =>
      isWireLevel(change.kind, change.location.pointer, input.before.doc, input.after.doc),
    compilerBreak: (subject, diagnostic, alsoIn) => {
      const { side, pointer } = subjectPointer(subject, inventories, answer.removedNames.includes(subject));
      const also = alsoIn.length > 0 ? ` Breaks with it: ${alsoIn.join(", ")}.` : "";
      return {
        severity: "major",
        kind: "compiler-break",
        message: `${subject}: the compiler finds a break no rule rated major: ${diagnostic}.${also}`,
        location: locate(side === "head" ? input.head : input.base, side, pointer),
        directions: [],
        confirmedBy: "compiler",
      };
    },
  });
  return { changes, compiler: answer, disagreements };
}

/** A rename points at the new name; the name that disappeared is the old one, in its message. */
function renamedFrom(change: Change): string[] {
  if (change.kind !== "component-renamed") return [];
  const section = /^#\/components\/([^/]+)\//.exec(change.location.pointer)?.[1];
  const old = /`([^`]+)` was renamed to/.exec(change.message)?.[1];
  return section && old ? [componentName(section, old)] : [];
}
