import type { OperationShape } from "./operation-inventory.js";

/**
 * Which way a compared part flows, so which side must accept the other: old requests must
 * still be accepted by the new type; new responses must still fit the old type; a part used
 * both ways (or by no operation) must do both.
 */
export type CheckFlow = "request" | "response" | "both";

/** One question for the compiler, attributable to one operation part, schema or name. */
export interface PlannedCheck {
  /** `GET /logs`, or `components["schemas"]["Log"]` for a schema or a name. */
  subject: string;
  /** `query`, `requestBody`, `200 application/json`, `schema`, or `name` for a name that must exist. */
  target: string;
  flow: CheckFlow | "name";
  /** The type in the base module, as an expression over BP/BC/BO. */
  old: string;
  /** The type in the head module (unused for a name check: `old` is looked up in the head). */
  new: string;
}

/** What a line of the checker asks: whether the types resolve, the verdict, or whether they changed at all. */
export type LineRole = "resolve" | "verdict" | "same";

/**
 * The checker module: for each check, three lines, so a diagnostic's line says which check and
 * which question it answers. `resolve` names the two types (`O12`, `N12`); `verdict` assigns
 * one to the other in the direction that must hold (with `NoExtra` for requests: TypeScript
 * rejects an object literal with a key the type lost, though plain assignability allows it);
 * `same` asks the reverse too, to tell "compatible but changed" from "unchanged".
 *
 * @example
 * ```ts
 * const { text, lines } = checkerSource(checks);
 * lines.get(12); // { check: 3, role: "verdict" }: a diagnostic on line 12 breaks check 3
 * ```
 */
export function checkerSource(checks: readonly PlannedCheck[]): {
  text: string;
  lines: Map<number, { check: number; role: LineRole }>;
} {
  const out = [
    "// Made by spec-diff: one question to the compiler per check, three lines per check.",
    'import type { components as BC, operations as BO, paths as BP } from "./base";',
    'import type { components as HC, operations as HO, paths as HP } from "./head";',
    "// Every key of From must exist in To (deeply): an object literal written for the old type must not have a key the new one lost.",
    "type NoExtra<From, To> = From extends object ? To extends object ? { [K in keyof From]: K extends keyof To ? NoExtra<From[K], To[K]> : never } : From : From;",
    "declare function as<T>(): T;",
    "export type { BC, BO, BP, HC, HO, HP };",
  ];
  const lines = new Map<number, { check: number; role: LineRole }>();
  checks.forEach((check, index) => {
    const [O, N] = [`O${index}`, `N${index}`];
    const push = (role: LineRole, text: string) => {
      out.push(text);
      lines.set(out.length - 1, { check: index, role });
    };
    if (check.flow === "name") {
      push("resolve", `export type ${O} = ${check.new};`);
      return;
    }
    push("resolve", `export type ${O} = ${check.old}; export type ${N} = ${check.new};`);
    const accepts = [
      `export const a${index}: ${N} = as<${O}>(); export const x${index}: NoExtra<${O}, ${N}> = as<${O}>();`,
    ];
    const fits = [`export const f${index}: ${O} = as<${N}>();`];
    const verdict =
      check.flow === "request" ? accepts : check.flow === "response" ? fits : [...accepts, ...fits];
    push("verdict", verdict.join(" "));
    push(
      "same",
      `export const s${index}: ${O} = as<${N}>(); export const t${index}: NoExtra<${N}, ${O}> = as<${N}>(); export const u${index}: ${N} = as<${O}>(); export const w${index}: NoExtra<${O}, ${N}> = as<${O}>();`,
    );
  });
  return { text: `${out.join("\n")}\n`, lines };
}

/**
 * The checks for one operation present on both sides: each parameter location either side
 * has, the request body, and each response (status + content type) both sides declare.
 *
 * @example
 * ```ts
 * const checks = operationChecks(before.get("GET /logs")!, after.get("GET /logs")!);
 * ```
 */
export function operationChecks(before: OperationShape, after: OperationShape): PlannedCheck[] {
  const at = (root: "BP" | "HP") =>
    `${root}[${JSON.stringify(before.path)}][${JSON.stringify(before.method)}]`;
  const part = (target: string, flow: CheckFlow, suffix: string): PlannedCheck => ({
    subject: before.key,
    target,
    flow,
    old: `${at("BP")}${suffix}`,
    new: `${at("HP")}${suffix}`,
  });
  const checks: PlannedCheck[] = [];
  for (const location of ["path", "query", "header", "cookie"] as const) {
    if (before.parameters.has(location) || after.parameters.has(location)) {
      checks.push(part(location, "request", `["parameters"][${JSON.stringify(location)}]`));
    }
  }
  if (before.hasRequestBody || after.hasRequestBody)
    checks.push(part("requestBody", "request", `["requestBody"]`));
  for (const [status, types] of before.responses) {
    const kept = after.responses.get(status) ?? [];
    for (const type of types.filter((name) => kept.includes(name))) {
      const suffix = `["responses"][${JSON.stringify(status)}]["content"][${JSON.stringify(type)}]`;
      checks.push(part(`${status} ${type}`, "response", suffix));
    }
  }
  return checks;
}
