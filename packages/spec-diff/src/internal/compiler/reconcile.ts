import type { Change, CompilerAnswer, CompilerCheck, CompilerSubject, Disagreement } from "../../report.js";
import { PART } from "./change-subjects.js";

/** What reconciling needs besides the two answers: where a change reaches, and what is wire-level. */
export interface ReconcileContext {
  /** The compiler's subjects a rule's change reaches, narrowed to a part: `GET /logs › query`. */
  subjectsOf(change: Change): string[];
  /** The operations that use a component, by its name (`components["schemas"]["Log"]`). */
  usedBy(name: string): string[];
  /** Whether a major of this change is a break the types cannot see (`WIRE_LEVEL_KINDS`). */
  isWireLevel(change: Change): boolean;
  /** A change for a break only the compiler found, located on its subject. */
  compilerBreak(subject: string, diagnostic: string, alsoIn: string[]): Change;
}

/**
 * Settles the rules' answer against the compiler's, so every major in the result is either
 * confirmed by the compiler or a wire-level rule:
 * - a major whose rule is wire-level stands;
 * - a major where the compiler found a break in the part it reaches stands (confirmed);
 * - any other major is downgraded, to minor if the types it reaches changed at all, else to
 *   patch, and listed as a disagreement;
 * - a break the compiler found that no major reaches becomes a major `compiler-break` change,
 *   listed as a disagreement. Operations that break because a schema they use broke are
 *   folded into that schema's entry.
 * Without a compiler answer (`status` not "checked") the rules' answer stands.
 *
 * @example
 * ```ts
 * const { changes, disagreements } = reconcile(ruleChanges, report.compiler, context);
 * ```
 */
export function reconcile(
  ruleChanges: readonly Change[],
  answer: CompilerAnswer,
  context: ReconcileContext,
): { changes: Change[]; disagreements: Disagreement[] } {
  if (answer.status !== "checked") return { changes: [...ruleChanges], disagreements: [] };
  const judged = new Map<string, CompilerSubject>(
    [...answer.operations, ...answer.schemas].map((subject) => [subject.subject, subject]),
  );
  const removed = new Set(answer.removedNames);
  const schemas = new Set(answer.schemas.map((subject) => subject.subject));
  // The checks of a subject a reference names: all of them, or those of its part.
  const checksOf = (reference: string): { subject?: CompilerSubject; checks: CompilerCheck[] } => {
    const [name = "", part] = reference.split(PART);
    const subject = judged.get(name);
    return {
      ...(subject ? { subject } : {}),
      checks: (subject?.checks ?? []).filter((check) => inPart(check, part)),
    };
  };
  const breaks = (reference: string) => {
    const { subject, checks } = checksOf(reference);
    if (removed.has(reference) || subject?.presence === "removed") return true;
    return checks.some((check) => check.verdict === "breaks");
  };
  const changed = (reference: string) => {
    const { subject, checks } = checksOf(reference);
    return subject?.presence !== "compared" ? subject !== undefined : checks.some((check) => check.changed);
  };
  const covering: string[] = [];
  const disagreements: Disagreement[] = [];

  const changes = ruleChanges.map((change): Change => {
    if (change.severity !== "major") return change;
    const subjects = context.subjectsOf(change);
    // Only a major that stands covers the compiler's breaks: a downgraded one must not hide a
    // break it did not cause.
    if (context.isWireLevel(change)) {
      covering.push(...subjects);
      return { ...change, confirmedBy: "wire-level" };
    }
    // A change inside a schema the compiler judged on its own is judged by that schema alone:
    // the operations that use it may break for another reason.
    const ownSchemas = subjects.filter((name) => schemas.has(name));
    const judging = ownSchemas.length > 0 ? ownSchemas : subjects;
    if (judging.some(breaks)) {
      covering.push(...subjects);
      return { ...change, confirmedBy: "compiler" };
    }
    const severity = judging.some(changed) ? "minor" : "patch";
    disagreements.push({
      kind: "rule-major-compiler-compatible",
      subjects,
      rule: {
        kind: change.kind,
        severity: "major",
        message: change.message,
        pointer: change.location.pointer,
      },
      compiler: { verdict: "compatible" },
      severity,
    });
    return { ...change, severity };
  });

  // A break is covered when a major reaches its subject, in a part where it breaks.
  // A component's break is covered too when a major covers a break of an operation that uses
  // it (the rule pointed at the schema inside it that changed).
  const coveredHere = (name: string) =>
    covering.some((reference) => reference.split(PART)[0] === name && breaks(reference));
  const covered = (name: string) => coveredHere(name) || context.usedBy(name).some(coveredHere);
  const missed = [
    ...answer.removedNames,
    ...[...answer.schemas, ...answer.operations]
      .filter((subject) => subject.verdict === "breaks")
      .map((subject) => subject.subject),
  ].filter((name) => !covered(name));
  const folded = new Set<string>();
  for (const name of missed) {
    if (folded.has(name)) continue;
    // The operations that use a broken schema break with it: one entry, not one per operation.
    const alsoIn = context.usedBy(name).filter((other) => other !== name && missed.includes(other));
    for (const other of alsoIn) folded.add(other);
    const subject = judged.get(name);
    const diagnostic =
      subject?.checks.find((check) => check.verdict === "breaks")?.diagnostic ??
      (subject?.presence === "removed" ? "the operation was removed" : "the name is no longer exported");
    changes.push(context.compilerBreak(name, diagnostic, alsoIn));
    disagreements.push({
      kind: "compiler-break-rule-missed",
      subjects: [name, ...alsoIn],
      compiler: { verdict: "breaks", diagnostic },
      severity: "major",
    });
  }
  return { changes, disagreements };
}

/** Whether a check is in a part: `request`, `response`, a parameter location, `requestBody`, or a status. */
function inPart(check: CompilerCheck, part: string | undefined): boolean {
  if (part === undefined) return true;
  if (part === "both") return true;
  if (part === "request" || part === "response") return check.flow === part || check.flow === "both";
  return check.target === part || check.target.startsWith(`${part} `);
}
