import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import type { CompilerAnswer, CompilerCheck, CompilerSubject } from "../../report.js";
import { componentDirections } from "../directions.js";
import { joinPointer } from "../json-pointer.js";
import { isObject, type JsonObject } from "../parsed-spec.js";
import type { PipelineScripts } from "../pipeline-scripts.js";
import { checkerSource, operationChecks, type PlannedCheck } from "./checker-source.js";
import { type OperationShape, operationInventory } from "./operation-inventory.js";
import { runChecker } from "./run-checker.js";
import { writeTypeModules } from "./type-modules.js";

// The component sections openapi-typescript turns into `components[section][name]` types.
const typedSections = ["schemas", "responses", "parameters", "requestBodies", "headers", "pathItems"];

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

/** A check for every schema whose definition differs, in the direction(s) operations use it. */
function schemaChecks(base: JsonObject, head: JsonObject): PlannedCheck[] {
  const before = section(base, "schemas");
  const after = section(head, "schemas");
  const reached = [componentDirections(base), componentDirections(head)];
  const checks: PlannedCheck[] = [];
  for (const [name, schema] of Object.entries(before)) {
    if (!(name in after) || isDeepStrictEqual(schema, after[name])) continue;
    const pointer = joinPointer(["components", "schemas", name]);
    const directions = new Set(reached.flatMap((map) => [...(map.get(pointer) ?? [])]));
    const flow = directions.size === 1 ? ([...directions][0] ?? "both") : "both";
    const at = `["schemas"][${JSON.stringify(name)}]`;
    checks.push({
      subject: componentName("schemas", name),
      target: "schema",
      flow,
      old: `BC${at}`,
      new: `HC${at}`,
    });
  }
  return checks;
}

/**
 * The base module's exported names, each checked against the head's: components, operations
 * (by operationId) and paths. A section the head has none of is typed `never` there, which
 * any key indexes, so those names are removed without asking.
 */
function exportedNames(
  base: JsonObject,
  head: JsonObject,
  inventories: CompilerJudgment["inventories"],
): { checked: PlannedCheck[]; removed: string[] } {
  const checked: PlannedCheck[] = [];
  const removed: string[] = [];
  const ask = (name: string, headType: string, headHasAny: boolean) => {
    if (headHasAny) checked.push({ subject: name, target: "name", flow: "name", old: "", new: headType });
    else removed.push(name);
  };
  for (const kind of typedSections) {
    const headHasAny = Object.keys(section(head, kind)).length > 0;
    for (const name of Object.keys(section(base, kind))) {
      ask(componentName(kind, name), `HC[${JSON.stringify(kind)}][${JSON.stringify(name)}]`, headHasAny);
    }
  }
  const ids = (inventory: Map<string, OperationShape>) =>
    [...inventory.values()].flatMap((operation) => (operation.operationId ? [operation.operationId] : []));
  const headIds = ids(inventories.head).length > 0;
  for (const id of new Set(ids(inventories.base))) {
    ask(`operations[${JSON.stringify(id)}]`, `HO[${JSON.stringify(id)}]`, headIds);
  }
  const pathsOf = (doc: JsonObject) => (isObject(doc.paths) ? doc.paths : {});
  const headPaths = Object.keys(pathsOf(head)).length > 0;
  for (const path of Object.keys(pathsOf(base))) {
    ask(`paths[${JSON.stringify(path)}]`, `HP[${JSON.stringify(path)}]`, headPaths);
  }
  return { checked, removed };
}

/** `components["schemas"]["Log"]`: how TypeScript code names a component. */
export const componentName = (kind: string, name: string) =>
  `components[${JSON.stringify(kind)}][${JSON.stringify(name)}]`;

function section(doc: JsonObject, kind: string): JsonObject {
  const components = doc.components;
  const found = isObject(components) ? components[kind] : undefined;
  return isObject(found) ? found : {};
}
