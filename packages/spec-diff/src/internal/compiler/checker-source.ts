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
 * one to the other in the direction that must hold, and checks with `NoExtra` that every key
 * and literal of the old type is still in the new one (plain assignability misses both: an
 * object literal with a lost key, a comparison with a lost enum value); `same` asks the
 * reverse too, to tell "compatible but changed" from "unchanged".
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
    'import type { components as BC, operations as BO, paths as BP, webhooks as BW } from "./base";',
    'import type { components as HC, operations as HO, paths as HP, webhooks as HW } from "./head";',
    "// Code written against From still compiles against To: every key of From is in To (an object literal",
    "// with a key To lost is rejected; code that reads it fails), and every literal of From is in To (a",
    "// comparison with a value To lost fails, TS2367), as is a free string or number that To narrowed",
    "// to literals. Exempt: null (comparing with null always compiles) and unknown.",
    "type Keys<T> = T extends unknown ? keyof T : never;",
    "type At<T, K> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;",
    "type Wide<From, To, P> = P extends From ? (P extends To ? From : [Extract<To, P>] extends [never] ? From : never) : From extends To ? From : never;",
    "type Leaf<From, To> = unknown extends From ? From : From extends string ? Wide<From, To, string> : From extends number ? Wide<From, To, number> : From extends To ? From : never;",
    "type NoExtra<From, To> = From extends null | undefined ? From : From extends object ? ([Extract<To, object>] extends [never] ? From : { [K in keyof From]: K extends Keys<Extract<To, object>> ? NoExtra<From[K], At<Extract<To, object>, K>> : never }) : Leaf<From, To>;",
    "// The media types of one response, as keys: a status or media type code names must still exist.",
    "type MediaTypes<R> = R extends { content: infer C } ? { [T in keyof C]: true } : {};",
    "declare function as<T>(): T;",
    "// The keys (to a depth of 6) that are writable in From and `readonly` in To: code that assigns them no longer compiles.",
    "type Mutable<T> = { -readonly [P in keyof T]: T[P] };",
    "type Same<X, Y> = (<U>() => U extends X ? 1 : 2) extends <U>() => U extends Y ? 1 : 2 ? true : false;",
    "type Writable<T, K extends keyof T> = Same<Pick<T, K>, Mutable<Pick<T, K>>>;",
    "type NewlyReadonly<From, To, D extends 0[] = []> = D['length'] extends 6 ? never : From extends readonly (infer F)[] ? (To extends readonly (infer T)[] ? NewlyReadonly<F, T, [...D, 0]> : never) : From extends object ? To extends object ? { [K in keyof From & keyof To & string]: (Writable<From, K> extends true ? (Writable<To, K> extends true ? never : ReadonlyNow<K>) : never) | NewlyReadonly<From[K], To[K], [...D, 0]> }[keyof From & keyof To & string] : never : never;",
    "interface ReadonlyNow<K> { readonly: K }",
    "export type { BC, BO, BP, BW, HC, HO, HP, HW };",
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
    // Without `undefined` first: an optional part that became required would otherwise be
    // explained as "undefined is not assignable", not by the property it now requires.
    const accepts = [
      `export const d${index}: NonNullable<${N}> = as<NonNullable<${O}>>(); export const a${index}: ${N} = as<${O}>(); export const x${index}: NoExtra<${O}, ${N}> = as<${O}>();`,
    ];
    const fits = [
      `export const f${index}: ${O} = as<${N}>(); export const y${index}: NoExtra<${O}, ${N}> = as<${O}>();`,
    ];
    const verdict =
      check.flow === "request" ? accepts : check.flow === "response" ? fits : [...accepts, ...fits];
    push("verdict", verdict.join(" "));
    if (check.flow !== "request")
      push("verdict", `export const r${index}: never = as<NewlyReadonly<${O}, ${N}>>();`);
    push(
      "same",
      `export const s${index}: ${O} = as<${N}>(); export const t${index}: NoExtra<${N}, ${O}> = as<${N}>(); export const u${index}: ${N} = as<${O}>(); export const w${index}: NoExtra<${O}, ${N}> = as<${O}>();`,
    );
  });
  // Names are written as JSON strings, which leave U+2028 and U+2029 as they are; TypeScript
  // counts them as line breaks, which would shift every later line off its check.
  const text = out.map((line) =>
    line.replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`),
  );
  return { text: `${text.join("\n")}\n`, lines };
}

/**
 * The checks for one operation present on both sides: each parameter location either side
 * has, the request body, the statuses and media types of the base's responses (one gone
 * breaks code that names it), their headers, and each response (status + content type) both
 * sides declare.
 *
 * @example
 * ```ts
 * const checks = operationChecks(before.get("GET /logs")!, after.get("GET /logs")!);
 * ```
 */
export function operationChecks(before: OperationShape, after: OperationShape): PlannedCheck[] {
  const [oldRoot, newRoot] = before.root === "paths" ? ["BP", "HP"] : ["BW", "HW"];
  const at = (root: string) => `${root}[${JSON.stringify(before.path)}][${JSON.stringify(before.method)}]`;
  // A webhook's request is what the user's code receives; its response, what that code sends.
  const [sent, received]: [CheckFlow, CheckFlow] =
    before.root === "paths" ? ["request", "response"] : ["response", "request"];
  const part = (target: string, flow: CheckFlow, suffix: string): PlannedCheck => ({
    subject: before.key,
    target,
    flow: flow === "request" ? sent : received,
    old: `${at(oldRoot)}${suffix}`,
    new: `${at(newRoot)}${suffix}`,
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
    const response = `["responses"][${JSON.stringify(status)}]`;
    checks.push({
      ...part(`${status} media types`, "response", ""),
      old: `MediaTypes<${at(oldRoot)}${response}>`,
      new: `MediaTypes<${at(newRoot)}${response}>`,
    });
    if (before.responseHeaders.has(status) || after.responseHeaders.has(status)) {
      checks.push(part(`${status} headers`, "response", `${response}["headers"]`));
    }
    const kept = after.responses.get(status) ?? [];
    for (const type of types.filter((name) => kept.includes(name))) {
      const suffix = `["responses"][${JSON.stringify(status)}]["content"][${JSON.stringify(type)}]`;
      checks.push(part(`${status} ${type}`, "response", suffix));
    }
  }
  return checks;
}
