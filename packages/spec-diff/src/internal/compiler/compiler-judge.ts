import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { CompilerAnswer, CompilerCheck, CompilerSubject } from "../../report.js";
import type { JsonObject } from "../parsed-spec.js";
import type { PipelineScripts } from "../pipeline-scripts.js";
import { checkerSource, operationChecks, type PlannedCheck } from "./checker-source.js";
import { type OperationShape, operationInventory } from "./operation-inventory.js";
import { runChecker } from "./run-checker.js";
import { exportedNames, schemaChecks } from "./surface-checks.js";
import { writeTypeModules } from "./type-modules.js";

/** The compiler's answer, and each side's operations (to trace a rule's change to them). */
export interface CompilerJudgment {
  answer: CompilerAnswer;
  inventories: { base: Map<string, OperationShape>; head: Map<string, OperationShape> };
}

/**
 * Generates both sides' types (from their bundles) into `workDir/compiler/`, writes one checker module with a check
 * per operation part, changed schema and exported name, compiles it once, and reads the
 * verdicts off the diagnostics.
 *
 * @example
 * ```ts
 * const { answer } = await judgeWithCompiler(scripts, before.bundled, after.bundled, workDir);
 * answer.operations.filter((operation) => operation.verdict === "breaks");
 * ```
 */
export async function judgeWithCompiler(
  scripts: Pick<PipelineScripts, "generateTypes">,
  base: JsonObject,
  head: JsonObject,
  workDir: string,
): Promise<CompilerJudgment> {
  const inventories = { base: operationInventory(base), head: operationInventory(head) };
  const dir = join(workDir, "compiler");
  mkdirSync(dir, { recursive: true });
  await writeTypeModules(scripts, base, head, dir);

  const checks: PlannedCheck[] = [];
  for (const [key, before] of inventories.base) {
    const after = inventories.head.get(key);
    if (after) checks.push(...operationChecks(before, after));
  }
  const changedSchemas = schemaChecks(base, head);
  checks.push(...changedSchemas);
  const names = exportedNames(base, head, inventories);
  checks.push(...names.checked);

  const { text, lines } = checkerSource(checks);
  const { answers, version } = await runChecker(dir, text, lines);
  const results = checks.map((check, index): CompilerCheck & { subject: string } => {
    const answer = answers.get(index) ?? {};
    const problem = answer.resolve ?? answer.verdict;
    return {
      subject: check.subject,
      target: check.target,
      flow: check.flow === "name" ? "both" : check.flow,
      verdict: problem ? "breaks" : "compatible",
      changed: Boolean(problem ?? answer.same),
      ...(problem ? { diagnostic: problem } : {}),
    };
  });
  const removedNames = [
    ...names.removed,
    ...results
      .filter((result, index) => checks[index]?.flow === "name" && result.verdict === "breaks")
      .map((result) => result.subject),
  ].sort();

  const operations: CompilerSubject[] = [];
  for (const key of new Set([...inventories.base.keys(), ...inventories.head.keys()])) {
    const presence = !inventories.head.has(key)
      ? "removed"
      : !inventories.base.has(key)
        ? "added"
        : "compared";
    operations.push(
      subject(
        key,
        presence,
        results.filter((result) => result.subject === key),
      ),
    );
  }
  const schemas = [...new Set(changedSchemas.map((check) => check.subject))].map((name) =>
    subject(
      name,
      "compared",
      results.filter((result) => result.subject === name && result.target !== "name"),
    ),
  );
  return {
    answer: { status: "checked", typescript: version, operations, schemas, removedNames },
    inventories,
  };
}

function subject(
  name: string,
  presence: CompilerSubject["presence"],
  results: (CompilerCheck & { subject: string })[],
): CompilerSubject {
  const checks = results.map(({ subject: _subject, ...check }) => check);
  const breaks = presence === "removed" || checks.some((check) => check.verdict === "breaks");
  return {
    subject: name,
    presence,
    verdict: breaks ? "breaks" : "compatible",
    changed: presence !== "compared" || checks.some((check) => check.changed),
    checks,
  };
}
